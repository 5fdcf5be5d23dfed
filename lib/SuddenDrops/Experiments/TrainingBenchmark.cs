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
        using var model = new MaskedLanguageModel(config.Model) { Precision = config.Precision };
        model.to(device);
        model.train();
        using var optimizer = OptimizerFactory.Create(model, config.Optimizer);
        using var cpuBatch = RandomBatch(config);
        var batch = cpuBatch.To(device);

        void Step()
        {
            using var scope = NewDisposeScope();
            MlmTrainingStep.Run(model, optimizer, batch, config.Optimizer.ClipNorm, withAttentions);
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
            config.Precision, tf32, withAttentions, steps, ms, config.TokensPerStep / (ms / 1000), model.ParameterCount);
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

    private static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA) cuda.synchronize();
    }
}
