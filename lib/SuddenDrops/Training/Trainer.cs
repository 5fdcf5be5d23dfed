using System.Diagnostics;
using SuddenDrops.Model;
using TorchSharp;
using static TorchSharp.torch;
using static SuddenDrops.Model.HeldScalars;

namespace SuddenDrops.Training;

/// <summary>
/// The masked-LM training loop: seeded batches, BERT masking, AdamW with warm-up, gradient clipping,
/// held-out evaluation and probes at every checkpoint, atomic checkpoints and exact resume. With a
/// <see cref="RegularizerConfig"/>, a share of each batch is treebank sentences and the loss is L_MLM + λ·R
/// (<see cref="RegularizedLoss"/>); <c>train_log.csv</c> then also holds λ, R and λ·R.
/// </summary>
public sealed class Trainer
{
    private readonly TrainingConfig config;
    private readonly TokenCorpus corpus;
    private readonly SpecialPieces specials;
    private readonly RunFolder run;
    private readonly IReadOnlyList<ICheckpointProbe> probes;
    private readonly LabeledSentences? labeled;

    /// <param name="labeled">Treebank sentences for the labelled rows; required when the config has a regulariser.</param>
    public Trainer(TrainingConfig config, TokenCorpus corpus, SpecialPieces specials, RunFolder run,
        IReadOnlyList<ICheckpointProbe>? probes = null, LabeledSentences? labeled = null)
    {
        this.config = config.Validate();
        this.corpus = corpus;
        this.specials = specials;
        this.run = run;
        this.probes = probes ?? [];
        this.labeled = labeled;
    }

    /// <summary>How many libtorch errors the CLI's runs recover from (<see cref="RunRecovering"/>) before giving up.</summary>
    public const int DefaultRecoveries = 3;

    /// <summary>Checkpoint steps whose optimizer state is kept (see <see cref="CheckpointStore.KeepOptimizerAt"/>); none by default.</summary>
    public IReadOnlySet<long> KeepOptimizerAt { get; set; } = new HashSet<long>();

    /// <summary>Reported every LogEvery steps.</summary>
    public event Action<TrainingProgress>? Progress;

    /// <summary>Reported after each checkpoint with its metrics row.</summary>
    public event Action<IReadOnlyDictionary<string, object?>>? Checkpointed;

    /// <summary>Raised with a sentence when a resume passes over a damaged checkpoint (the file and what is wrong).</summary>
    public event Action<string>? Warning;

    /// <summary>
    /// <see cref="Run"/>, resuming from the last checkpoint up to <paramref name="retries"/> times when libtorch reports an
    /// error (<see cref="System.Runtime.InteropServices.ExternalException"/>). TorchSharp 0.107 lets the garbage collector
    /// finalise the implicit <c>Scalar</c> arguments of tensor operations while the native call still reads them (<c>a + b</c>
    /// passes alpha = 1 as a temporary; dotnet/TorchSharp#1434 and #1496 are open), which on rare occasions corrupts an
    /// argument and fails a libtorch check hours into a run. Resuming is exact (same batches, same dropout), so a
    /// recovered run equals an uninterrupted one. Each recovery is appended to <see cref="RunFolder.RecoveriesPath"/>;
    /// an error that comes back more than <paramref name="retries"/> times (a real bug) is thrown.
    /// </summary>
    public TrainingSummary RunRecovering(bool resume, int retries, Action<string>? log = null, CancellationToken cancellation = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return Run(resume || attempt > 0, cancellation);
            }
            catch (System.Runtime.InteropServices.ExternalException error) when (attempt < retries)
            {
                var line = $"{DateTime.UtcNow:O}\tlibtorch error: {error.Message.Split('\n')[0].Trim()}\tresuming from step "
                    + $"{new CheckpointStore(run.CheckpointsDir).LatestResumable()?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"} (retry {attempt + 1} of {retries})";
                File.AppendAllText(run.RecoveriesPath, line + "\n");
                log?.Invoke(line.Replace('\t', ' '));
            }
        }
    }

    public TrainingSummary Run(bool resume, CancellationToken cancellation = default)
    {
        if (config.Threads > 0) set_num_threads(config.Threads);
        var device = DeviceSelection.Resolve(config.Device);
        run.EnsureCreated();
        var store = new CheckpointStore(run.CheckpointsDir) { KeepOptimizerAt = KeepOptimizerAt };
        store.RemovePartial();
        PrepareFolder(resume, store, device);

        var masker = new MlmMasker(config.Masking, config.Model.VocabSize, specials.Mask, specials.NeverMasked);
        var train = new TrainingBatches(config, new PackedSequences(corpus.Train, config.SequenceLength, specials.Cls, specials.Sep, specials.Pad, corpus.TrainHeads),
            masker, labeled, specials.Pad);
        var heldOut = new BatchBuilder(new PackedSequences(corpus.HeldOut, config.SequenceLength, specials.Cls, specials.Sep, specials.Pad), masker);
        using var evaluator = new MlmEvaluator(heldOut, config.BatchSize, config.EvalBatches, config.Seed);
        double unigram = UnigramBaseline.CrossEntropy(corpus.Train, evaluator.Targets, config.Model.VocabSize, specials.NeverMasked);

        manual_seed(SeedMix.TorchSeed(config.Seed, SeedMix.Sampling, 0));
        using var model = new MaskedLanguageModel(config.Model, specials.Pad) { Precision = config.Precision, Kernels = config.Kernels };
        model.to(device);
        using var optimizer = new FlatAdamW(model, config.Optimizer);
        var metrics = new MetricsLog(run.MetricsPath);
        var trainLog = new MetricsLog(run.TrainLogPath);

        long start = 0;
        double secondsBefore = 0;
        bool resumed = false;
        if (resume && store.LatestResumable(damaged => Warning?.Invoke($"Skipping a damaged checkpoint: {damaged}")) is long latest)
        {
            var state = store.Load(latest, model, optimizer);
            start = state.Step;
            secondsBefore = state.Seconds;
            resumed = true;
        }
        // Rows logged after the checkpoint we continue from (or all rows, when starting afresh) are redone.
        metrics.TruncateAfter(MetricColumns.Step, resumed ? start : -1);
        trainLog.TruncateAfter(MetricColumns.Step, resumed ? start : -1);

        var clock = Stopwatch.StartNew();
        MlmEvaluation? last = null;
        if (!resumed)
            last = Checkpoint(0, model, optimizer, store, evaluator, device, metrics, double.NaN, secondsBefore, unigram);

        model.train();
        var lossSum = zeros(1, device: device);
        var lossSinceCheckpoint = zeros(1, device: device);
        using var window = new RegularizerWindow(device);
        int lossSteps = 0, stepsSinceCheckpoint = 0;
        long step = start;
        var windowClock = Stopwatch.StartNew();
        long windowSteps = 0;
        double lr = 0;
        while (step < config.Steps && !cancellation.IsCancellationRequested)
        {
            lr = LearningRateSchedule.At(config.Optimizer, step, config.Steps);
            using (var scope = NewDisposeScope())
            {
                var losses = TrainStep(model, optimizer, train, step, lr, device);
                lossSum.add_(losses.Mlm.detach(), One);
                lossSinceCheckpoint.add_(losses.Mlm.detach(), One);
                window.Add(losses);
            }
            lossSteps++;
            stepsSinceCheckpoint++;
            windowSteps++;
            step++;

            if (step % config.LogEvery == 0 || step == config.Steps)
            {
                double meanLoss = lossSum.item<float>() / lossSteps;
                double tokensPerSecond = windowSteps * config.TokensPerStep / Math.Max(1e-9, windowClock.Elapsed.TotalSeconds);
                var elapsed = TimeSpan.FromSeconds(secondsBefore + clock.Elapsed.TotalSeconds);
                var row = new Dictionary<string, object?>
                {
                    [MetricColumns.Step] = step, [MetricColumns.Tokens] = step * config.TokensPerStep, [MetricColumns.Seconds] = elapsed.TotalSeconds,
                    [MetricColumns.TrainLoss] = meanLoss, [MetricColumns.LearningRate] = lr, [MetricColumns.TokensPerSecond] = tokensPerSecond,
                };
                var regularizer = config.Regularizer is null ? null : window.Flush();
                if (regularizer is not null)
                {
                    row[MetricColumns.Lambda] = regularizer.Lambda;
                    row[MetricColumns.Regularizer] = regularizer.Value;
                    row[MetricColumns.RegularizerPerEdge] = regularizer.PerEdge;
                    row[MetricColumns.RegularizerLoss] = regularizer.WeightedLoss;
                }
                trainLog.Append(row);
                var remaining = TimeSpan.FromSeconds((config.Steps - step) * config.TokensPerStep / Math.Max(1, tokensPerSecond));
                Progress?.Invoke(new TrainingProgress(step, config.Steps, meanLoss, lr, tokensPerSecond, elapsed, remaining, last, regularizer));
                lossSum.zero_();
                lossSteps = 0;
                windowClock.Restart();
                windowSteps = 0;
            }

            if (config.Checkpoints.IsCheckpoint(step, config.Steps))
            {
                double meanLoss = lossSinceCheckpoint.item<float>() / stepsSinceCheckpoint;
                last = Checkpoint(step, model, optimizer, store, evaluator, device, metrics, meanLoss, secondsBefore + clock.Elapsed.TotalSeconds, unigram);
                lossSinceCheckpoint.zero_();
                stepsSinceCheckpoint = 0;
                windowClock.Restart();
                windowSteps = 0;
            }
        }

        if (cancellation.IsCancellationRequested && store.Steps().LastOrDefault() != step)
        {
            double meanLoss = stepsSinceCheckpoint > 0 ? lossSinceCheckpoint.item<float>() / stepsSinceCheckpoint : double.NaN;
            last = Checkpoint(step, model, optimizer, store, evaluator, device, metrics, meanLoss, secondsBefore + clock.Elapsed.TotalSeconds, unigram);
        }
        lossSum.Dispose();
        lossSinceCheckpoint.Dispose();
        var trained = (step - start) * config.TokensPerStep;
        return new TrainingSummary(run.Root, start, step, step >= config.Steps, unigram, last,
            trained / Math.Max(1e-9, clock.Elapsed.TotalSeconds), clock.Elapsed);
    }

    /// <summary>
    /// One optimiser update; returns the losses of the batch (scalar tensors on the device, in the caller's DisposeScope).
    /// R is computed when λ ≠ 0, and with λ = 0 (base, or SAS− after its release) on the last step of each log window
    /// only, to log it without paying for the attention probabilities at every step.
    /// </summary>
    private StepLosses TrainStep(MaskedLanguageModel model, FlatAdamW optimizer, TrainingBatches train, long step, double lr, Device device)
    {
        manual_seed(SeedMix.TorchSeed(config.Seed, SeedMix.Dropout, step)); // dropout of step s depends on s alone
        using var cpuBatch = train.For(step);
        var batch = cpuBatch.To(device);
        double lambda = config.Regularizer?.LambdaAt(step) ?? 0;
        bool measure = config.Regularizer is not null && (step + 1) % config.LogEvery == 0;
        var losses = RegularizedLoss.Compute(model, batch, lambda, measure, config.Regularizer?.Scale ?? LambdaScale.Sum);
        optimizer.ZeroGrad();
        losses.Total.backward();
        optimizer.ClipGradNorm(config.Optimizer.ClipNorm).Dispose(); // stays on the device: no sync
        optimizer.LearningRate = lr;
        optimizer.Step();
        if (!ReferenceEquals(batch, cpuBatch)) batch.Dispose();
        return losses;
    }

    private MlmEvaluation Checkpoint(long step, MaskedLanguageModel model, FlatAdamW optimizer, CheckpointStore store,
        MlmEvaluator evaluator, Device device, MetricsLog metrics, double trainLoss, double seconds, double unigram)
    {
        var evaluation = evaluator.Evaluate(model, device);
        var row = new Dictionary<string, object?>
        {
            [MetricColumns.Step] = step,
            [MetricColumns.Tokens] = step * config.TokensPerStep,
            [MetricColumns.Seconds] = seconds,
            [MetricColumns.TrainLoss] = trainLoss,
            [MetricColumns.EvalLoss] = evaluation.Loss,
            [MetricColumns.EvalAccuracy] = evaluation.Accuracy,
            [MetricColumns.UnigramLoss] = unigram,
        };
        if (probes.Count > 0)
        {
            bool wasTraining = model.training;
            model.eval();
            using (no_grad())
                foreach (var probe in probes)
                    foreach (var (k, v) in probe.Measure(model, step))
                        row[k] = v;
            if (wasTraining) model.train();
        }
        metrics.Append(row);
        store.Save(model, optimizer, new CheckpointState(step, step * config.TokensPerStep, seconds, config.Seed, config.Preset));
        Checkpointed?.Invoke(row);
        return evaluation;
    }

    private void PrepareFolder(bool resume, CheckpointStore store, Device device)
    {
        if (!resume && store.Steps().Count > 0)
            throw new InvalidOperationException(
                $"{run.Root} already holds checkpoints ({store.Steps().Count}). Continue it with --resume, or choose another --out folder.");
        // A record without a checkpoint to continue from (e.g. a finished run whose checkpoints were deleted): training
        // afresh would truncate it, so refuse rather than lose it.
        if (run.LastLoggedStep() is var logged and > 0 && store.LatestResumable() is null)
            throw new InvalidOperationException(
                $"{run.MetricsPath} records the run up to step {logged:N0}, but {store.Directory} holds no checkpoint to continue from, "
                + $"so training would overwrite that record. Choose another --out folder, or delete {run.Root} to train the run again.");
        if (resume && run.HasConfig)
        {
            var saved = run.LoadConfig();
            if (JsonFiles.Differences(saved, config) is { Count: > 0 } differences)
                throw new InvalidOperationException(
                    $"{run.ConfigPath} differs from the configuration given now ({string.Join("; ", differences)}); a resumed run must use the same settings.");
        }
        JsonFiles.Save(run.ConfigPath, config);
        JsonFiles.Save(run.FactsPath, resume && File.Exists(run.FactsPath)
            ? JsonFiles.Load<RunFacts>(run.FactsPath).WithResume(DateTime.UtcNow)
            : RunFacts.Collect(config, device.ToString()));
    }
}
