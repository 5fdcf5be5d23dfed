using System.Diagnostics;
using System.Net;
using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Plots;

/// <summary>
/// The notebooks' live mode: trains a run while the notebook shows a status line that updates in place and a figure that
/// grows at every checkpoint. The notebook passes two callbacks, typically the <c>.Update</c> of two values it displayed:
/// <c>status</c> gets HTML (<see cref="TrainingStatus"/>), <c>checkpointed</c> gets the run re-read from its folder.
/// Runs resume where they stopped, so a notebook run again continues (or, when finished, returns at once).
/// </summary>
public static class LiveTraining
{
    /// <summary>Where live runs go: <c>runs/notebooks/live/</c> at the repository root (git-ignored).</summary>
    public static string Folder => Path.Combine(Data.ProjectRoot.Find() ?? Environment.CurrentDirectory, "runs", "notebooks", "live");

    /// <summary>
    /// Trains <paramref name="config"/> in this process into <paramref name="runFolder"/> with the default checkpoint probes
    /// (<see cref="CheckpointProbes.Default"/>) and returns the finished run.
    /// </summary>
    public static RecordedRun Run(TrainingConfig config, string runFolder, Action<string> status, Action<RecordedRun> checkpointed,
        CancellationToken cancellation = default)
    {
        status(TrainingStatus.Starting(runFolder));
        var job = TrainingJob.Prepare(config, runFolder, log: line => status(Plain(line)));
        var trainer = job.CreateTrainer(CheckpointProbes.Default(job));
        trainer.Progress += progress => status(TrainingStatus.Html(progress));
        trainer.Checkpointed += _ => checkpointed(RecordedRun.Load(runFolder));
        trainer.Run(resume: true, cancellation);
        return RecordedRun.Load(runFolder);
    }

    /// <summary>
    /// Trains with the command line, <c>sdrops train &lt;arguments&gt; --out &lt;runFolder&gt; --resume</c>, in a child process (the
    /// <c>sdrops</c> beside this library), for options only the command line has (e.g. the SAS variants); its progress lines
    /// become the status and each "checkpoint" line re-reads the run.
    /// </summary>
    /// <exception cref="InvalidOperationException">The command failed; the message holds the end of its output.</exception>
    public static RecordedRun RunCommand(IReadOnlyList<string> arguments, string runFolder, Action<string> status, Action<RecordedRun> checkpointed)
    {
        var cli = Path.Combine(Path.GetDirectoryName(typeof(LiveTraining).Assembly.Location)!, "sdrops.dll");
        if (!File.Exists(cli)) throw new FileNotFoundException($"{cli}: the sdrops command line is not beside the library (build lib/SuddenDrops.Cli).", cli);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "train" }.Concat(arguments).Concat(["--out", runFolder, "--resume"]))
            start.ArgumentList.Add(argument);
        status(Plain($"sdrops {string.Join(' ', start.ArgumentList.Skip(1))}"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start sdrops.");
        var errors = process.StandardError.ReadToEndAsync();
        var tail = new Queue<string>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            tail.Enqueue(line);
            if (tail.Count > 20) tail.Dequeue();
            if (line.StartsWith("checkpoint ", StringComparison.Ordinal) && RunFolder.IsRun(runFolder))
                checkpointed(RecordedRun.Load(runFolder));
            else
                status(Plain(line));
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"sdrops train exited with {process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, tail)}{Environment.NewLine}{errors.Result}");
        return RecordedRun.Load(runFolder);
    }

    private static string Plain(string line) => $"<div style=\"font-family:monospace\">{WebUtility.HtmlEncode(line)}</div>";
}
