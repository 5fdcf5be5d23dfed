using System.Diagnostics;

namespace SuddenDrops.Figures;

/// <summary>
/// Takes a PNG screenshot of a local HTML file with headless Chromium (Debian package <c>chromium</c>).
/// Runs offline: no sandbox, GPU, QUIC, sync, component updates or background networking, and a fresh
/// profile folder per call that is deleted afterwards.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>Environment variable that names the Chromium executable, overriding the search on PATH.</summary>
    public const string ExecutableVariable = "SDROPS_CHROMIUM";

    private static readonly string[] ExecutableNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>How long one screenshot may take, unless the caller says otherwise, before Chromium is killed.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The Chromium executable: <see cref="ExecutableVariable"/> if set, else the first of
    /// chromium, chromium-browser, google-chrome, google-chrome-stable found on PATH.
    /// </summary>
    /// <exception cref="FileNotFoundException">No Chromium is installed.</exception>
    public static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{ExecutableVariable} names '{configured}', which does not exist.", configured);
        var searchPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in ExecutableNames)
            foreach (var folder in searchPath)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        throw new FileNotFoundException(
            $"No headless Chromium found on PATH (looked for {string.Join(", ", ExecutableNames)}). " +
            $"Install it with 'apt-get install -y chromium' or set {ExecutableVariable} to its path.");
    }

    /// <summary>
    /// Renders <paramref name="htmlPath"/> in a <paramref name="width"/> x <paramref name="height"/> window
    /// and writes the screenshot to <paramref name="pngPath"/> (overwritten).
    /// </summary>
    /// <exception cref="FileNotFoundException">The HTML file or Chromium is missing.</exception>
    /// <exception cref="TimeoutException">Chromium ran longer than <paramref name="timeout"/> (default <see cref="DefaultTimeout"/>).</exception>
    /// <exception cref="InvalidOperationException">Chromium exited without writing the PNG.</exception>
    public static void Screenshot(string htmlPath, string pngPath, int width, int height, TimeSpan? timeout = null)
    {
        var page = Path.GetFullPath(htmlPath);
        if (!File.Exists(page))
            throw new FileNotFoundException($"{page}: no such HTML file to screenshot.", page);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var target = Path.GetFullPath(pngPath);
        File.Delete(target);
        var profile = Directory.CreateTempSubdirectory("sdrops-chromium-");
        try
        {
            var (exitCode, log) = Run(FindExecutable(), Arguments(page, target, width, height, profile.FullName), timeout ?? DefaultTimeout);
            if (!File.Exists(target) || new FileInfo(target).Length == 0)
                throw new InvalidOperationException(
                    $"{page}: Chromium exited with code {exitCode} without writing {target}. Its output ended with:{Environment.NewLine}{Tail(log, 2000)}");
        }
        finally
        {
            TryDelete(profile);
        }
    }

    private static List<string> Arguments(string page, string png, int width, int height, string profile) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1", "--run-all-compositor-stages-before-draw",
        "--virtual-time-budget=5000",
        $"--user-data-dir={profile}", $"--screenshot={png}", $"--window-size={width},{height}",
        new Uri(page).AbsoluteUri,
    ];

    private static (int ExitCode, string Log) Run(string executable, List<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{executable} took longer than {timeout.TotalSeconds:0} s for {arguments[^1]}; killed.");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Tail(string text, int characters) =>
        text.Length <= characters ? text : text[^characters..];

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helpers may still hold a file for a moment; a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
