using TorchSharp;
using SuddenDrops.Model;
using static TorchSharp.torch;
using static SuddenDrops.Model.HeldScalars;

namespace SuddenDrops.Training;

/// <summary>
/// The training objective of Chen et al. (2024, §4): L = L_MLM + λ·R, with the MLM loss and the syntactic regulariser R
/// taken from the same forward pass. Attention probabilities are only materialised when R is needed (λ ≠ 0, or a
/// measurement is asked for); otherwise the fused attention kernel runs, as in plain MLM training.
/// Call inside a DisposeScope: the returned tensors and the encoder output belong to it.
/// </summary>
public static class RegularizedLoss
{
    /// <param name="lambda">Signed λ of this step (<see cref="RegularizerConfig.LambdaAt"/>).</param>
    /// <param name="measure">Compute R even when λ = 0 (logged, not differentiated).</param>
    /// <param name="scale">What λ multiplies: R (<see cref="LambdaScale.Sum"/>) or R / 2E (<see cref="LambdaScale.PerEdge"/>).</param>
    public static StepLosses Compute(MaskedLanguageModel model, MaskedBatch batch, double lambda, bool measure = false, LambdaScale scale = LambdaScale.Sum)
    {
        if (lambda != 0 && batch.Edges is null)
            throw new ArgumentException($"λ = {lambda} but the batch has no labelled rows to regularise.");
        bool needR = batch.Edges is not null && (lambda != 0 || measure);
        var output = model.Encode(batch.InputIds, batch.HasPadding ? batch.AttentionMask : null, returnAttentions: needR);
        var logits = model.PredictAt(output.Hidden, batch.TargetPositions); // [M, V]
        var mlm = nn.functional.cross_entropy(logits, batch.TargetIds);
        if (!needR) return new StepLosses(mlm, mlm, null, lambda, 0);

        var r = SyntacticRegularizer.Compute(output.Attentions!, batch.Edges!);
        var directed = 2 * batch.Edges!.Count;
        // λ·R or λ·R/2E: the coefficient of R in the loss (a batch without edges adds nothing)
        double weight = scale == LambdaScale.PerEdge ? (directed > 0 ? lambda / directed : 0) : lambda;
        if (lambda == 0) return new StepLosses(mlm, mlm, r.detach(), lambda, directed, 0);
        using var w = weight.ToScalar(); // held through the native call (environment.md, "Scalars")
        return new StepLosses(mlm.add(r.mul(w), One), mlm, r, lambda, directed, weight);
    }
}
