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

/// <summary>The "auto" precision: what pays on the device at hand.</summary>
public static class PrecisionChoice
{
    /// <summary>
    /// <see cref="Precision.Bf16"/> on a CPU that multiplies bf16 natively (<see cref="CpuRuntime.HasBf16Matmul"/>: measured on
    /// the lab's AVX512-BF16 EPYC, 2.4–3× the training throughput of fp32; bench/RESULTS.md); <see cref="Precision.Fp32"/>
    /// elsewhere: CPUs without it (bf16 would be emulated and slower) and CUDA, where fp32 matmuls already use TF32.
    /// </summary>
    public static Precision Auto(string device)
    {
        var d = device.Trim().ToLowerInvariant();
        bool cpu = d == "cpu" || (d == "auto" && !TorchSharp.torch.cuda.is_available());
        return cpu && CpuRuntime.HasBf16Matmul ? Precision.Bf16 : Precision.Fp32;
    }

    /// <summary>"auto" (or null), "fp32" or "bf16", for a run on <paramref name="device"/>.</summary>
    public static Precision Parse(string? value, string device) =>
        (value ?? "auto").Trim().ToLowerInvariant() switch
        {
            "auto" => Auto(device),
            "fp32" => Precision.Fp32,
            "bf16" => Precision.Bf16,
            _ => throw new ArgumentException($"Precision must be auto, fp32 or bf16, got '{value}'."),
        };
}
