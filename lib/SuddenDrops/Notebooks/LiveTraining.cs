using System.Net;
using SuddenDrops.Experiments;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Notebooks;

/// <summary>
/// The notebooks' live mode: trains a run in this process, on a background task, while the notebook shows a status line that
/// updates in place and a figure that grows at every checkpoint. The notebook passes two callbacks, typically the
/// <c>.Update</c> of two values it displayed: <c>status</c> gets HTML (<see cref="TrainingStatus"/>), <c>checkpointed</c> gets
/// the run re-read from its folder. Every variant trains this way: the configuration is built as <c>sdrops train</c> builds it
/// (<see cref="Config"/>: a preset, <see cref="ConfigOverrides"/>, an optional <see cref="RegularizerConfig"/>), then
/// <see cref="TrainingJob.Prepare"/>, <see cref="CheckpointProbes.Default"/> and <see cref="Trainer.RunRecovering"/>.
/// Runs resume where they stopped, with the configuration saved in their folder, so a notebook run again continues (or,
/// when finished, returns at once).
/// </summary>
public static class LiveTraining
{
    /// <summary>Where live runs go: <c>runs/notebooks/live/</c> at the repository root (git-ignored).</summary>
    public static string Folder => Path.Combine(Data.ProjectRoot.Find() ?? Environment.CurrentDirectory, "runs", "notebooks", "live");

    /// <summary>
    /// The configuration <c>sdrops train --preset &lt;preset&gt; [overrides] [--variant …]</c> trains: the named preset with
    /// <paramref name="overrides"/> applied (<see cref="ConfigOverrides.ApplyTo"/>) and, when given, the regulariser
    /// (e.g. <c>new RegularizerConfig(SasVariant.SasMinus)</c>, the command's defaults for |λ|, labelled share and treebank).
    /// </summary>
    public static TrainingConfig Config(string preset, ConfigOverrides? overrides = null, RegularizerConfig? regularizer = null)
    {
        var config = (overrides ?? new ConfigOverrides()).ApplyTo(Presets.Get(preset));
        return regularizer is null ? config : (config with { Regularizer = regularizer }).Validate();
    }

    /// <summary>
    /// Trains <paramref name="config"/> into <paramref name="runFolder"/> (see <see cref="Start"/>) and waits for it; returns
    /// the run as far as it got (finished, or stopped at a checkpoint when <paramref name="cancellation"/> was cancelled).
    /// </summary>
    public static RecordedRun Run(TrainingConfig config, string runFolder, Action<string> status, Action<RecordedRun> checkpointed,
        CancellationToken cancellation = default, string? dataRoot = null, string? cacheDirectory = null) =>
        Start(config, runFolder, status, checkpointed, cancellation, dataRoot, cacheDirectory).GetAwaiter().GetResult();

    /// <summary>
    /// Starts training <paramref name="config"/> into <paramref name="runFolder"/> on a background task with the default
    /// checkpoint probes (<see cref="CheckpointProbes.Default"/>); a folder that already holds a configuration continues with
    /// it (as <c>sdrops train --resume</c> does). <paramref name="status"/> gets the progress as HTML, <paramref name="checkpointed"/>
    /// the run re-read after each checkpoint (both called on the training task). Cancelling <paramref name="cancellation"/>
    /// stops the run at its next step with a checkpoint, from which a later call continues.
    /// </summary>
    /// <param name="dataRoot">The data root (default: the data root search of <c>sdrops train</c>).</param>
    /// <param name="cacheDirectory">Where prepared corpora are cached (default: <see cref="CorpusPreparation"/>'s).</param>
    public static Task<RecordedRun> Start(TrainingConfig config, string runFolder, Action<string> status, Action<RecordedRun> checkpointed,
        CancellationToken cancellation = default, string? dataRoot = null, string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(checkpointed);
        return Task.Factory.StartNew(() =>
        {
            status(TrainingStatus.Starting(runFolder));
            // A run continues with its own settings, whatever the preset has become since (e.g. new probe fields).
            var saved = new RunFolder(runFolder).TryLoadConfig();
            if (saved is not null) status(Plain($"Resuming with the configuration saved in {runFolder}."));
            var job = TrainingJob.Prepare(saved ?? config, runFolder, dataRoot, cacheDirectory, log: line => status(Plain(line)));
            var trainer = job.CreateTrainer(CheckpointProbes.Default(job));
            trainer.Progress += progress => status(TrainingStatus.Html(progress));
            trainer.Warning += warning => status(Plain(warning));
            trainer.Checkpointed += _ => checkpointed(RecordedRun.Load(runFolder));
            trainer.RunRecovering(resume: true, Trainer.DefaultRecoveries, line => status(Plain(line)), cancellation);
            return RecordedRun.Load(runFolder);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private static string Plain(string line) => $"<div style=\"font-family:monospace\">{WebUtility.HtmlEncode(line)}</div>";
}
