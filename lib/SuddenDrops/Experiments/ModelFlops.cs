using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// The matmul work of one training step as sdrops executes it (forward + backward = 3 × forward):
/// <code>
///   6 · L·(4d² + 2d·F) · B·T        encoder linear layers: Q, K, V and output projections, the two feed-forward matrices
/// + 12 · L · T² · d · B             attention's Q·Kᵀ and A·V (2·T²·d per layer and sequence, forward)
/// + 6 · M · (d² + d·V)              MLM head transform and tied decoder, at the M ≈ 15 % masked positions only
/// </code>
/// Embedding lookups, softmax, LayerNorm, GELU, dropout and the optimiser are not matmuls and not counted. Dividing by
/// the step time gives the achieved model FLOP/s that bench/RESULTS.md sets against the CPU's measured matmul rates.
/// </summary>
public static class ModelFlops
{
    /// <summary>Multiply-adds × 2 of one step's matmuls.</summary>
    public static double PerStep(TrainingConfig config)
    {
        var m = config.Model;
        double d = m.Hidden, f = m.Intermediate, l = m.Layers, t = config.SequenceLength, b = config.BatchSize, v = m.VocabSize;
        double encoderWeights = l * (4 * d * d + 2 * d * f);       // Q, K, V, output projection and the two FFN matrices per layer
        double tokens = b * t;
        double masked = tokens * config.Masking.SelectShare;       // positions the MLM head projects
        return 6 * encoderWeights * tokens + 12 * l * t * t * d * b + 6 * masked * (d * d + d * v);
    }
}
