using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// Trains the runs of a sweep (<see cref="Sweep.Plan"/>) in <see cref="Sweep.TrainingOrder"/>: finished runs are skipped,
/// unfinished ones resumed, an SAS−(k) run that is not begun forks from its seed's SAS− run at step k where that is exact
/// (<see cref="Sweep.ForkSource"/>), and an SAS− run keeps its optimizer state at every planned fork point. With
/// <see cref="Curves"/>, each finished run is then evaluated after the fact (<see cref="CheckpointCurves"/>, resumable), so
/// that one command leaves every run complete with its dense probes before the next begins. These decisions live here so that the CLI, a notebook and a Slurm array task (<see cref="SlurmPlan"/>) make them alike.
/// </summary>
public sealed class SweepRunner(IReadOnlyList<SweepRun> runs, string? dataRoot)
{
    /// <summary>One line per decision (skipped, forked, resuming, starting, stopped).</summary>
    public event Action<string>? Message;

    /// <summary>Problems worth a second look (a libtorch error retried). A damaged checkpoint passed over is the trainer's
    /// <see cref="Trainer.Warning"/>: subscribe to it in <see cref="Watch"/>.</summary>
    public event Action<string>? Warning;

    /// <summary>Wraps each run's training (e.g. in a progress display): receives the run, its trainer and the call that trains it.</summary>
    public Func<SweepRun, Trainer, Func<TrainingSummary>, TrainingSummary> Watch { get; init; } = (_, _, train) => train();

    /// <summary>
    /// Post-hoc probes run on each finished run's checkpoints before the next run (null: none); e.g. BLiMP and TwoNN every
    /// 100 steps in the release plan's dense window. The data root is the sweep's.
    /// </summary>
    public CheckpointCurvesOptions? Curves { get; init; }

    /// <summary>The cache of tokenised corpora (null: <see cref="CorpusPreparation.DefaultCacheDirectory"/>).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Trains every run, or only the one named <paramref name="only"/> (e.g. <c>sas-@1000-s2</c>); false when cancelled.</summary>
    public bool TrainAll(CancellationToken cancel = default, string? only = null)
    {
        var ordered = Sweep.TrainingOrder(runs);
        if (only is not null)
            ordered = ordered.Where(r => r.Name == only).ToList() is { Count: 1 } one ? one
                : throw new ArgumentException($"The sweep has no run named '{only}'; its runs: {string.Join(", ", ordered.Select(r => r.Name))}.");
        for (var i = 0; i < ordered.Count; i++)
        {
            var run = ordered[i];
            var state = Sweep.StateOf(run);
            var label = $"[{i + 1}/{ordered.Count}] {run.Name}";
            if (state == SweepRunState.Finished)
            {
                Message?.Invoke($"{label}: finished, skipped.");
                EvaluateCurves(run, label, cancel);
                if (cancel.IsCancellationRequested) return false;
                continue;
            }
            var job = TrainingJob.Prepare(run.Config, run.Folder, dataRoot, CacheDirectory, m => Message?.Invoke(m));
            var why = "";
            if (state == SweepRunState.NotStarted && Sweep.ForkSource(run, job.Config, out why) is { } source)
            {
                RunFork.Create(source, job.Run, run.Variant.ReleaseStep!.Value, job.Config, m => Warning?.Invoke(m));
                Message?.Invoke($"{label}: forked from {Path.GetFileName(source.Root)} at step {run.Variant.ReleaseStep:N0}.");
                state = SweepRunState.Unfinished;
            }
            else if (run.Variant.Kind == SasVariantKind.SasMinusReleased && state == SweepRunState.NotStarted)
                Message?.Invoke($"{label}: trained from step 0 ({why}).");
            Message?.Invoke($"{label}: {(state == SweepRunState.Unfinished ? "resuming" : "starting")} → {run.Folder}");
            var trainer = job.CreateTrainer(CheckpointProbes.Default(job));
            trainer.KeepOptimizerAt = Sweep.ForkPoints(run, runs);
            var resume = state == SweepRunState.Unfinished;
            var summary = Watch(run, trainer, () => trainer.RunRecovering(resume, Trainer.DefaultRecoveries, m => Warning?.Invoke(m), cancel));
            if (!summary.Completed)
            {
                Message?.Invoke($"Stopped {run.Name} at step {summary.EndStep:N0}; run the same command again to resume.");
                return false;
            }
            EvaluateCurves(run, label, cancel);
            if (cancel.IsCancellationRequested) return false;
        }
        return true;
    }

    private void EvaluateCurves(SweepRun run, string label, CancellationToken cancel)
    {
        if (Curves is null) return;
        if (new RunFolder(run.Folder).Checkpoints.Steps().Count == 0)
        {
            // e.g. a finished run whose checkpoints were deleted after its curves were taken: nothing left to evaluate.
            Message?.Invoke($"{label}: no checkpoint left, so no curves evaluated.");
            return;
        }
        var result = CheckpointCurves.Run(run.Folder, Curves with { DataRoot = Curves.DataRoot ?? dataRoot }, m => Message?.Invoke(m), cancel);
        Message?.Invoke(cancel.IsCancellationRequested
            ? $"Stopped the curves of {run.Name} ({result.Evaluated.Count} checkpoints evaluated now); run the same command again to resume."
            : $"{label}: curves of {result.Selected.Count} checkpoints, {result.Evaluated.Count} evaluated now → {result.OutDirectory}");
    }
}
