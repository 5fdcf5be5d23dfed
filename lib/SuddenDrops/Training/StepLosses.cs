using static TorchSharp.torch;

namespace SuddenDrops.Training;

/// <summary>The losses of one training step, scalar tensors on the device.</summary>
/// <param name="Total">L = L_MLM + λ·R, what is differentiated.</param>
/// <param name="Mlm">L_MLM: cross-entropy at the masked positions.</param>
/// <param name="Regularizer">R (<see cref="SyntacticRegularizer"/>), when it was computed this step; detached when λ = 0.</param>
/// <param name="Lambda">The signed λ of the step.</param>
/// <param name="DirectedEdges">2E, the number of terms of R (0 when R was not computed).</param>
/// <param name="Weight">The coefficient of R in <see cref="Total"/>: λ, or λ / 2E when λ is per edge (<see cref="LambdaScale"/>).</param>
public sealed record StepLosses(Tensor Total, Tensor Mlm, Tensor? Regularizer, double Lambda, long DirectedEdges, double Weight = 0);
