using System.Diagnostics;
using SuddenDrops.Model;
using SuddenDrops.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SuddenDrops.Experiments;

/// <summary>Result of <see cref="TrainingBenchmark.Run"/>.</summary>
public sealed record BenchmarkResult(
    string Preset, string Device, int Layers, int Hidden, int Heads, int VocabSize, int SequenceLength, int BatchSize,
    bool WithAttentions, int Steps, double MillisecondsPerStep, double TokensPerSecond, long Parameters, string Regularizer = "none");

/// <summary>
/// Times full training steps (forward, MLM loss at the masked positions, backward, clipping, AdamW) of a preset's
/// model on random batches, so the number depends on the model and the device only, not on data loading.
/// With a regulariser in the config whose λ at step 0 is not 0, the step is L_MLM + λ·R (<see cref="RegularizedLoss"/>)
/// with the config's labelled share of rows given a right-branching chain of gold edges over their tokens.
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
        double lambda = config.Regularizer?.LambdaAt(0) ?? 0;
        var masked = masker.Apply(ids, real, b, t, rng);
        using var batch = (lambda != 0 ? masked with { Edges = ChainEdges(b, t, config.Regularizer!.LabelledRows(b)) } : masked).To(device);

        double Step()
        {
            using var scope = NewDisposeScope();
            Tensor loss;
            if (lambda != 0)
                loss = RegularizedLoss.Compute(model, batch, lambda).Total;
            else
            {
                using var output = model.Encode(batch.InputIds, batch.AttentionMask, returnAttentions: withAttentions);
                loss = nn.functional.cross_entropy(model.PredictAt(output.Hidden, batch.TargetPositions), batch.TargetIds);
            }
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
            config.Model.VocabSize, t, b, withAttentions || lambda != 0, steps, ms, b * t / (ms / 1000), model.ParameterCount,
            lambda != 0 ? config.Regularizer!.Variant.ToString() : "none");
    }

    /// <summary>Edges i → i + 1 over tokens 1 … T − 2 of the last <paramref name="labelledRows"/> rows (a right-branching chain).</summary>
    private static SyntacticEdges ChainEdges(int batch, int length, int labelledRows)
    {
        var rows = new List<long>();
        var dependents = new List<long>();
        var heads = new List<long>();
        for (int row = batch - labelledRows; row < batch; row++)
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
