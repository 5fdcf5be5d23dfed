using System.Diagnostics;
using SuddenDrops.Model;
using SuddenDrops.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SuddenDrops.Experiments;

/// <summary>Result of <see cref="TrainingBenchmark.Run"/>.</summary>
public sealed record BenchmarkResult(
    string Preset, string Device, int Layers, int Hidden, int Heads, int VocabSize, int SequenceLength, int BatchSize,
    bool WithAttentions, int Steps, double MillisecondsPerStep, double TokensPerSecond, long Parameters);

/// <summary>
/// Times full training steps (forward, MLM loss at the masked positions, backward, clipping, AdamW) of a preset's
/// model on random batches, so the number depends on the model and the device only, not on data loading.
/// </summary>
public static class TrainingBenchmark
{
    public static BenchmarkResult Run(TrainingConfig config, int steps = 20, int warmup = 3, bool withAttentions = false)
    {
        if (config.Threads > 0) set_num_threads(config.Threads);
        var device = DeviceSelection.Resolve(config.Device);
        manual_seed(config.Seed);
        using var model = new MaskedLanguageModel(config.Model);
        model.to(device);
        model.train();
        using var optimizer = OptimizerFactory.Create(model, config.Optimizer);
        var masker = new MlmMasker(config.Masking, config.Model.VocabSize, 3, new HashSet<int> { 0, 1, 2, 3 });
        var rng = new Random(config.Seed);
        int b = config.BatchSize, t = config.SequenceLength;
        var ids = new int[b * t];
        var real = new bool[b * t];
        for (int i = 0; i < ids.Length; i++) { ids[i] = 4 + rng.Next(config.Model.VocabSize - 4); real[i] = true; }
        using var batch = masker.Apply(ids, real, b, t, rng).To(device);

        double Step()
        {
            using var scope = NewDisposeScope();
            using var output = model.Encode(batch.InputIds, batch.AttentionMask, returnAttentions: withAttentions);
            var loss = nn.functional.cross_entropy(model.PredictAt(output.Hidden, batch.TargetPositions), batch.TargetIds);
            optimizer.zero_grad();
            loss.backward();
            nn.utils.clip_grad_norm_(model.parameters(), config.Optimizer.ClipNorm);
            optimizer.step();
            return 0;
        }

        for (int i = 0; i < warmup; i++) Step();
        Synchronize(device);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) Step();
        Synchronize(device);
        double ms = clock.Elapsed.TotalMilliseconds / steps;
        return new BenchmarkResult(config.Preset, device.ToString(), config.Model.Layers, config.Model.Hidden, config.Model.Heads,
            config.Model.VocabSize, t, b, withAttentions, steps, ms, b * t / (ms / 1000), model.ParameterCount);
    }

    private static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA) cuda.synchronize();
    }
}
