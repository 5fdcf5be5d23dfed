namespace SuddenDrops.Model;

/// <summary>
/// Arithmetic of the matrix products in training and inference. Master weights, LayerNorm, softmax and the loss
/// are fp32 in both; see <see cref="MixedPrecision"/>. Serialised as "fp32" / "bf16".
/// </summary>
public enum Precision
{
    /// <summary>Everything in fp32. On CUDA the matmuls use TF32 tensor cores unless TF32 is turned off (see <see cref="DeviceSelection"/>).</summary>
    Fp32,

    /// <summary>
    /// bf16 mixed precision as <c>torch.autocast(dtype=bfloat16)</c> does it: the linear layers of attention, feed-forward
    /// and MLM head, and the attention products, run on bf16 copies of fp32 weights and activations.
    /// </summary>
    Bf16,
}
