using System.Diagnostics;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>Runs a command to completion with a time limit, capturing its output.</summary>
internal static class ExternalProcess
{
    /// <summary>Variables set for every command: no telemetry banners, no first-run experience.</summary>
    private static readonly Dictionary<string, string> QuietDotnet = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    public static ProcessResult Run(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = Describe(file, arguments, workingDirectory, environment);
        var commandLine = $"{file} {string.Join(' ', start.ArgumentList)}";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {commandLine}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{commandLine}' ran longer than {limit.TotalSeconds:0} s; killed. Output so far:{Environment.NewLine}{stdout.Result}{stderr.Result}");
        }
        process.WaitForExit();
        return new ProcessResult(commandLine, process.ExitCode, stdout.Result + stderr.Result, clock.Elapsed);
    }

    /// <summary>Start info with redirected streams, the quiet-dotnet variables and the given ones (null removes a variable).</summary>
    public static ProcessStartInfo Describe(string file, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in QuietDotnet)
            start.Environment[name] = value;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        return start;
    }
}
