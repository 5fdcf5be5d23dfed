using System.Text.Json;
using SuddenDrops.Data;

namespace SuddenDrops.Training;

/// <summary>
/// Starts a run from another run's checkpoint instead of from step 0, when the two are the same training up to that step.
/// SAS−(k) is SAS− until its release at step k (Chen et al. 2024, §4.2), so a sweep with several k trains SAS− once,
/// keeping its optimizer state at each k (<see cref="CheckpointStore.KeepOptimizerAt"/>), and forks every SAS−(k) from
/// there: the k steps they share are not trained again. A run with a constant learning rate after warm-up can likewise
/// be extended past its last step into a new folder. Because batches, masks and dropout are functions of
/// (seed, step) (<see cref="SeedMix"/>) and resume is exact, the forked run equals one trained from scratch.
/// </summary>
public static class RunFork
{
    /// <summary>
    /// Whether a run with <paramref name="target"/>'s configuration can continue from <paramref name="source"/>'s
    /// checkpoint at <paramref name="step"/>: the checkpoint holds its optimizer state, the configurations are equal but
    /// for the regulariser variant, the number of steps and the CPU threads, and both runs have the same λ and the same
    /// learning rate at every step before <paramref name="step"/>. A longer target extends the source
    /// (<c>sdrops extend</c>); with linear decay the rate depends on the length, so only constant-rate runs extend.
    /// </summary>
    public static bool CanFork(RunFolder source, TrainingConfig target, long step, out string reason)
    {
        if (!source.HasConfig)
        {
            reason = $"{source.Root} has no {RunFolder.ConfigFile}";
            return false;
        }
        if (!new CheckpointStore(source.CheckpointsDir).IsResumableAt(step))
        {
            reason = $"{source.Root} has no checkpoint with optimizer state at step {step:N0}";
            return false;
        }
        var saved = source.LoadConfig();
        if ((saved.Regularizer is null) != (target.Regularizer is null))
        {
            reason = "one run has a regulariser configuration and the other has none";
            return false;
        }
        if (step > target.Steps)
        {
            reason = $"the new run ends at step {target.Steps:N0}, before step {step:N0}";
            return false;
        }
        // Variant, length and threads may differ; everything else defines the same training.
        var aligned = saved with
        {
            Regularizer = saved.Regularizer is { } r ? r with { Variant = target.Regularizer!.Variant } : null,
            Steps = target.Steps,
            Threads = target.Threads,
        };
        if (JsonSerializer.Serialize(aligned, JsonFiles.Options) != JsonSerializer.Serialize(target, JsonFiles.Options))
        {
            reason = $"{source.ConfigPath} differs from the new run's settings in more than the variant, the length and the threads";
            return false;
        }
        for (long s = 0; s < step; s++)
        {
            if (LearningRateSchedule.At(saved.Optimizer, s, saved.Steps) != LearningRateSchedule.At(target.Optimizer, s, target.Steps))
            {
                reason = $"the learning rate of a {saved.Steps:N0}-step and a {target.Steps:N0}-step run differs at step {s:N0} " +
                         $"({saved.Optimizer.Decay} decay; only a constant rate after warm-up lets a run be extended)";
                return false;
            }
            if (saved.Regularizer is { } from && target.Regularizer is { } to && from.LambdaAt(s) != to.LambdaAt(s))
            {
                reason = $"{from.Variant} and {to.Variant} differ at step {s:N0}, before step {step:N0}";
                return false;
            }
        }
        reason = "";
        return true;
    }

    /// <summary>
    /// Makes <paramref name="target"/> a copy of <paramref name="source"/> up to <paramref name="step"/>: its checkpoints up
    /// to there (optimizer state only at <paramref name="step"/>), the rows of metrics.csv and train_log.csv up to there, its
    /// vocabulary, the new configuration and fresh run facts naming the source. Built in a <c>.partial</c> folder and renamed
    /// into place, so a crash leaves no half-made run; then <c>Trainer.Run(resume: true)</c> continues it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The fork is not exact (see <see cref="CanFork"/>) or the target has begun
    /// (it has checkpoints or metrics; a folder holding only what run preparation writes, e.g. vocab.txt, is replaced).</exception>
    /// <param name="warn">Told when the fork is exact in its arithmetic but not bit for bit: the source trained on another
    /// number of CPU threads than the new run will (libtorch's reductions then sum in another order).</param>
    public static void Create(RunFolder source, RunFolder target, long step, TrainingConfig targetConfig, Action<string>? warn = null)
    {
        if (!CanFork(source, targetConfig, step, out var reason))
            throw new InvalidOperationException($"Cannot fork {target.Root} from {source.Root} at step {step:N0}: {reason}.");
        if (new CheckpointStore(target.CheckpointsDir).Steps().Count > 0 || File.Exists(target.MetricsPath))
            throw new InvalidOperationException($"Cannot fork into {target.Root}: the run there has begun.");

        var partial = new RunFolder(target.Root.TrimEnd(Path.DirectorySeparatorChar) + ".partial");
        if (Directory.Exists(partial.Root)) Directory.Delete(partial.Root, recursive: true);
        partial.EnsureCreated();
        var checkpoints = new CheckpointStore(source.CheckpointsDir);
        var copies = new CheckpointStore(partial.CheckpointsDir);
        foreach (var s in checkpoints.Steps().Where(s => s <= step))
            CopyCheckpoint(checkpoints.PathFor(s), copies.PathFor(s), withOptimizer: s == step);
        CopyRowsUpTo(source.MetricsPath, partial.MetricsPath, step);
        CopyRowsUpTo(source.TrainLogPath, partial.TrainLogPath, step);
        if (File.Exists(source.VocabPath)) File.Copy(source.VocabPath, partial.VocabPath);
        JsonFiles.Save(partial.ConfigPath, targetConfig);
        var sourceThreads = File.Exists(source.FactsPath) ? JsonFiles.Load<RunFacts>(source.FactsPath).Threads : null;
        var mixed = sourceThreads is int before && targetConfig.Threads > 0 && before != targetConfig.Threads;
        var forkedFrom = $"{Path.GetFileName(source.Root.TrimEnd(Path.DirectorySeparatorChar))} at step {step}"
            + (mixed ? $" (trained there on {sourceThreads} CPU threads, here on {targetConfig.Threads})" : "");
        if (mixed)
            warn?.Invoke($"{target.Root}: forked from a run trained on {sourceThreads} CPU threads and continued on {targetConfig.Threads}; "
                         + "the steps after the fork are not bit for bit those of a run on one thread count (run.json says so).");
        JsonFiles.Save(partial.FactsPath, RunFacts.Collect(targetConfig, targetConfig.Device) with { ForkedFrom = forkedFrom });

        if (Directory.Exists(target.Root)) Directory.Delete(target.Root, recursive: true);
        Directory.Move(partial.Root, target.Root);
    }

    /// <summary>
    /// Makes <paramref name="target"/> the start of <paramref name="source"/> trained on to <paramref name="steps"/>: a fork at
    /// the source's latest checkpoint with optimizer state (its last step, for a finished run), with the source's own
    /// configuration but for the length (and the CPU threads, when given). Returns that configuration; continue with
    /// <c>Trainer.Run(resume: true)</c>. Refused as <see cref="Create"/> refuses, e.g. for a linearly decaying learning rate.
    /// </summary>
    public static TrainingConfig Extend(RunFolder source, RunFolder target, int steps, int? threads = null, Action<string>? warn = null)
    {
        if (!source.HasConfig)
            throw new InvalidOperationException($"Cannot extend {source.Root}: it has no {RunFolder.ConfigFile}.");
        var saved = source.LoadConfig();
        var config = (saved with { Steps = steps, Threads = threads ?? saved.Threads }).Validate();
        var step = new CheckpointStore(source.CheckpointsDir).LatestResumable()
                   ?? throw new InvalidOperationException($"Cannot extend {source.Root}: no checkpoint keeps its optimizer state.");
        if (step >= steps)
            throw new InvalidOperationException($"Cannot extend {source.Root} to {steps:N0} steps: it has already reached step {step:N0}.");
        Create(source, target, step, config, warn);
        return config;
    }

    private static void CopyCheckpoint(string from, string to, bool withOptimizer)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            if (withOptimizer || Path.GetFileName(file) != CheckpointStore.OptimizerFile)
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    private static void CopyRowsUpTo(string from, string to, long step)
    {
        if (!File.Exists(from)) return;
        File.Copy(from, to);
        new MetricsLog(to).TruncateAfter(MetricColumns.Step, step);
    }
}
