using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace SuddenDrops.Training;

/// <summary>
/// Facts about where and how a run was made, written to <c>run.json</c>. <see cref="ForkedFrom"/> names the run and step
/// a forked run continued from (<see cref="RunFork"/>); null for a run trained from step 0. <see cref="Cpu"/>,
/// <see cref="CpuBf16Matmul"/> and <see cref="Threads"/> (libtorch's CPU threads when the run started) say what the
/// arithmetic ran on; they are null in run.json files written before they existed.
/// </summary>
public sealed record RunFacts(
    int Seed,
    string? GitCommit,
    bool? GitDirty,
    string Device,
    string StartedUtc,
    string Machine,
    int ProcessorCount,
    string OperatingSystem,
    string DotNet,
    IReadOnlyDictionary<string, string> Packages,
    IReadOnlyList<string> ResumedUtc,
    string? ForkedFrom = null,
    string? Cpu = null,
    bool? CpuBf16Matmul = null,
    int? Threads = null,
    string? Precision = null)
{
    /// <summary>The same facts with one more resume time.</summary>
    public RunFacts WithResume(DateTime utc) => this with { ResumedUtc = [.. ResumedUtc, utc.ToString("O")] };

    /// <summary>The facts of a run about to train <paramref name="config"/> on <paramref name="device"/>.</summary>
    public static RunFacts Collect(TrainingConfig config, string device) =>
        Collect(config.Seed, device) with { Precision = config.Precision.ToString().ToLowerInvariant() };

    public static RunFacts Collect(int seed, string device)
    {
        var (commit, dirty) = Git();
        return new RunFacts(seed, commit, dirty, device, DateTime.UtcNow.ToString("O"), Environment.MachineName,
            Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            PackageVersions(), [], Cpu: Model.CpuRuntime.ModelName(), CpuBf16Matmul: Model.CpuRuntime.HasBf16Matmul,
            Threads: TorchSharp.torch.get_num_threads());
    }

    private static Dictionary<string, string> PackageVersions()
    {
        string V(Assembly a) => a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
            ?? a.GetName().Version?.ToString() ?? "?";
        return new Dictionary<string, string>
        {
            ["SuddenDrops"] = V(typeof(RunFacts).Assembly),
            ["TorchSharp"] = V(typeof(TorchSharp.torch).Assembly),
            ["Microsoft.ML.Tokenizers"] = V(typeof(Microsoft.ML.Tokenizers.Tokenizer).Assembly),
            ["Microsoft.Data.Analysis"] = V(typeof(Microsoft.Data.Analysis.DataFrame).Assembly),
        };
    }

    /// <summary>
    /// The commit of the checkout the program runs from, if git and a repository are there; else (a build copied out of
    /// its checkout, or a machine without git) the commit the library was built from (<see cref="BuildCommit"/>), with
    /// "dirty" unknown.
    /// </summary>
    public static (string? Commit, bool? Dirty) Git()
    {
        string? Run(string args)
        {
            try
            {
                using var p = Process.Start(new ProcessStartInfo("git", args)
                {
                    RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                    WorkingDirectory = AppContext.BaseDirectory,
                });
                if (p is null) return null;
                var output = p.StandardOutput.ReadToEnd().Trim();
                p.WaitForExit();
                return p.ExitCode == 0 ? output : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }
        var commit = Run("rev-parse HEAD");
        if (commit is null) return (BuildCommit(), null);
        var status = Run("status --porcelain --untracked-files=no");
        return (commit, status is null ? null : status.Length > 0);
    }

    /// <summary>
    /// The commit the library was built from: the SDK appends it to the assembly's informational version
    /// ("1.0.0+&lt;sha&gt;") when it builds inside a git checkout; null otherwise.
    /// </summary>
    public static string? BuildCommit()
    {
        var version = typeof(RunFacts).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var plus = version?.IndexOf('+') ?? -1;
        if (plus < 0) return null;
        var sha = version![(plus + 1)..];
        return sha.Length == 40 && sha.All(Uri.IsHexDigit) ? sha : null;
    }
}
