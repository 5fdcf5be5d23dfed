using SuddenDrops.Model;
using static TorchSharp.torch;

namespace SuddenDrops.Training;

/// <summary>
/// Evaluates the MLM objective on fixed held-out batches: the first <c>batches</c> sequences of the held-out
/// stream, masked once with a fixed seed, so every checkpoint is scored on exactly the same targets.
/// </summary>
public sealed class MlmEvaluator : IDisposable
{
    private readonly List<MaskedBatch> batches = [];

    public MlmEvaluator(BatchBuilder heldOut, int batchSize, int batchCount, int seed)
    {
        int available = heldOut.Sequences.Count;
        if (available == 0) throw new InvalidOperationException("The held-out stream is empty: the corpus is too small to hold out 1% of its paragraphs.");
        for (int i = 0; i < batchCount && i * batchSize < available; i++)
        {
            var indices = Enumerable.Range(i * batchSize, Math.Min(batchSize, available - i * batchSize)).ToArray();
            batches.Add(heldOut.Build(indices, SeedMix.Generator(seed, SeedMix.EvalMasking, i)));
        }
    }

    /// <summary>All target pieces of the fixed batches (for the unigram baseline).</summary>
    public IEnumerable<long> Targets => batches.SelectMany(b => b.TargetIds.data<long>().ToArray());

    public MlmEvaluation Evaluate(MaskedLanguageModel model, Device device)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            double lossSum = 0;
            long correct = 0, count = 0;
            foreach (var cpuBatch in batches)
            {
                using var scope = NewDisposeScope();
                var batch = cpuBatch.To(device);
                using var output = model.Encode(batch.InputIds, batch.AttentionMask);
                var logits = model.PredictAt(output.Hidden, batch.TargetPositions); // [M, V]
                lossSum += nn.functional.cross_entropy(logits, batch.TargetIds, reduction: nn.Reduction.Sum).item<float>();
                correct += logits.argmax(-1).eq(batch.TargetIds).sum().item<long>();
                count += batch.TargetIds.shape[0];
            }
            return new MlmEvaluation(lossSum / count, (double)correct / count, count);
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }

    public void Dispose()
    {
        foreach (var b in batches) b.Dispose();
    }
}
