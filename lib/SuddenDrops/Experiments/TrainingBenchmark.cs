using System.Diagnostics;
using SuddenDrops.Model;
using SuddenDrops.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SuddenDrops.Experiments;

/// <summary>
/// Times full training steps (<see cref="MlmTrainingStep"/>: forward, MLM loss at the masked positions, backward,
/// clipping, AdamW) of a preset's model on one random batch, so the number depends on the model, the precision and
/// the device only, not on data loading. The batch: ids uniform over the non-special pieces (id ≥ 5: a pruned
/// vocabulary's [PAD] [UNK] [CLS] [SEP] [MASK] are 0–4), no padding, BERT's 15 % / 80-10-10 masking with [MASK] = 4
/// (bench/hf_bench.py builds the same).
/// With a regulariser in the config whose λ at step 0 is not 0, the step is L_MLM + λ·R (<see cref="RegularizedLoss"/>)
/// with the config's labelled share of rows given a right-branching chain of gold edges over their tokens.
/// </summary>
public static class TrainingBenchmark
{
    private const int MaskId = 4;

    /// <param name="allowTf32">On CUDA, whether fp32 matmuls may use TF32 (what <see cref="DeviceSelection"/> turns on); false measures strict fp32.</param>
    public static BenchmarkResult Run(TrainingConfig config, int steps = 20, int warmup = 3, bool withAttentions = false, bool allowTf32 = true)
    {
        if (config.Threads > 0) set_num_threads(config.Threads);
        var device = DeviceSelection.Resolve(config.Device);
        bool cuda = device.type == DeviceType.CUDA;
        if (cuda)
        {
            backends.cuda.matmul.allow_tf32 = allowTf32;
            backends.cudnn.allow_tf32 = allowTf32;
        }
        manual_seed(config.Seed);
        var (model, optimizer) = NewModel(config, device);
        using var disposeModel = model;
        using var disposeOptimizer = optimizer;
        double lambda = config.Regularizer?.LambdaAt(0) ?? 0;
        var plain = RandomBatch(config);
        using var cpuBatch = lambda != 0 ? plain with { Edges = ChainEdges(config.BatchSize, config.SequenceLength, config.Regularizer!.LabeledRows(config.BatchSize)) } : plain;
        var batch = cpuBatch.To(device);

        void Step()
        {
            using var scope = NewDisposeScope();
            if (lambda == 0)
            {
                MlmTrainingStep.Run(model, optimizer, batch, config.Optimizer.ClipNorm, withAttentions);
                return;
            }
            var loss = RegularizedLoss.Compute(model, batch, lambda).Total;
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.ClipGradNorm(config.Optimizer.ClipNorm).Dispose();
            optimizer.Step();
        }

        for (int i = 0; i < warmup; i++) Step();
        Synchronize(device);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) Step();
        Synchronize(device);
        double ms = clock.Elapsed.TotalMilliseconds / steps;
        if (!ReferenceEquals(batch, cpuBatch)) batch.Dispose();
        bool tf32 = cuda && allowTf32 && config.Precision == Precision.Fp32;
        var m = config.Model;
        return new BenchmarkResult(config.Preset, device.ToString(), ModeName(config.Precision, tf32, withAttentions),
            m.Layers, m.Hidden, m.Heads, m.Intermediate, m.VocabSize, m.MaxPositions, config.SequenceLength, config.BatchSize,
            config.Precision, tf32, withAttentions || lambda != 0, steps, ms, config.TokensPerStep / (ms / 1000), model.ParameterCount,
            lambda != 0 ? config.Regularizer!.Variant.ToString() : "none");
    }

    /// <summary>
    /// The step split into its phases, each timed on its own (the device synchronised between them): building and masking a
    /// fresh batch (as the trainer does every step), forward (encoder and MLM head), loss, backward, clipping, AdamW update.
    /// Plain MLM only. Milliseconds per step, means over <paramref name="steps"/> steps after <paramref name="warmup"/>.
    /// </summary>
    public static StepPhases Phases(TrainingConfig config, int steps = 20, int warmup = 3)
    {
        if (config.Threads > 0) set_num_threads(config.Threads);
        var device = DeviceSelection.Resolve(config.Device);
        manual_seed(config.Seed);
        var (model, optimizer) = NewModel(config, device);
        using var disposeModel = model;
        using var disposeOptimizer = optimizer;
        var totals = new double[6];
        var clock = new Stopwatch();
        void Lap(int phase)
        {
            Synchronize(device);
            totals[phase] += clock.Elapsed.TotalMilliseconds;
            clock.Restart();
        }
        for (int i = 0; i < warmup + steps; i++)
        {
            if (i == warmup) Array.Clear(totals);
            using var scope = NewDisposeScope();
            clock.Restart();
            using var cpuBatch = RandomBatch(config with { Seed = config.Seed + i });
            var batch = cpuBatch.To(device);
            Lap(0);
            using var output = model.Encode(batch.InputIds, batch.HasPadding ? batch.AttentionMask : null);
            using var logits = model.PredictAt(output.Hidden, batch.TargetPositions);
            Lap(1);
            var loss = nn.functional.cross_entropy(logits, batch.TargetIds);
            Lap(2);
            optimizer.ZeroGrad();
            loss.backward();
            Lap(3);
            optimizer.ClipGradNorm(config.Optimizer.ClipNorm).Dispose();
            Lap(4);
            optimizer.Step();
            Lap(5);
            if (!ReferenceEquals(batch, cpuBatch)) batch.Dispose();
        }
        var ms = totals.Select(t => t / steps).ToArray();
        return new StepPhases(ms[0], ms[1], ms[2], ms[3], ms[4], ms[5]);
    }

    /// <summary>The preset's model in training mode on <paramref name="device"/>, with its optimizer at the peak learning rate.</summary>
    private static (MaskedLanguageModel Model, FlatAdamW Optimizer) NewModel(TrainingConfig config, Device device)
    {
        var model = new MaskedLanguageModel(config.Model) { Precision = config.Precision, Kernels = config.Kernels };
        model.to(device);
        model.train();
        return (model, new FlatAdamW(model, config.Optimizer) { LearningRate = config.Optimizer.LearningRate });
    }

    /// <summary>fp32 | tf32 | bf16, plus "-attn" with attention probabilities.</summary>
    public static string ModeName(Precision precision, bool tf32, bool withAttentions) =>
        (precision == Precision.Bf16 ? "bf16" : tf32 ? "tf32" : "fp32") + (withAttentions ? "-attn" : "");

    /// <summary>The benchmark's batch on the CPU: [B, T] ids, no padding, masked with the run's seed.</summary>
    public static MaskedBatch RandomBatch(TrainingConfig config)
    {
        var masker = new MlmMasker(config.Masking, config.Model.VocabSize, MaskId, new HashSet<int> { 0, 1, 2, 3, MaskId });
        var rng = new Random(config.Seed);
        int b = config.BatchSize, t = config.SequenceLength;
        var ids = new int[b * t];
        var real = new bool[b * t];
        for (int i = 0; i < ids.Length; i++) { ids[i] = MaskId + 1 + rng.Next(config.Model.VocabSize - MaskId - 1); real[i] = true; }
        return masker.Apply(ids, real, b, t, rng);
    }

    /// <summary>Edges i → i + 1 over tokens 1 … T − 2 of the last <paramref name="labeledRows"/> rows (a right-branching chain).</summary>
    private static SyntacticEdges ChainEdges(int batch, int length, int labeledRows)
    {
        var rows = new List<long>();
        var dependents = new List<long>();
        var heads = new List<long>();
        for (int row = batch - labeledRows; row < batch; row++)
            for (int i = 1; i < length - 2; i++)
            {
                rows.Add(row);
                dependents.Add(i);
                heads.Add(i + 1);
            }
        return SyntacticEdges.FromArrays([.. rows], [.. dependents], [.. heads]);
    }

    private static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA) cuda.synchronize();
    }
}
