using SuddenDrops.Model;
using static TorchSharp.torch;

namespace SuddenDrops.Training;

/// <summary>
/// One optimiser update on a masked batch already on the model's device: forward, cross-entropy at the selected
/// positions, backward, global-norm clipping, AdamW. Nothing in it waits for the device (no <c>.item()</c>), so the
/// host can queue the next step while the GPU works; shared by <see cref="Trainer"/> and the benchmark.
/// </summary>
public static class MlmTrainingStep
{
    /// <returns>The batch's mean MLM loss, a 0-dim fp32 tensor on the device (owned by the caller's dispose scope).</returns>
    public static Tensor Run(MaskedLanguageModel model, FlatAdamW optimizer, MaskedBatch batch, double clipNorm, bool withAttentions = false)
    {
        using var output = model.Encode(batch.InputIds, batch.HasPadding ? batch.AttentionMask : null, returnAttentions: withAttentions);
        using var logits = model.PredictAt(output.Hidden, batch.TargetPositions); // [M, V] fp32
        var loss = nn.functional.cross_entropy(logits, batch.TargetIds);
        optimizer.ZeroGrad();
        loss.backward();
        using var norm = optimizer.ClipGradNorm(clipNorm);
        optimizer.Step();
        return loss;
    }
}
