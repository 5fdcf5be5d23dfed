using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SuddenDrops.Model;

/// <summary>
/// Mixed precision without autocast (TorchSharp 0.107 has none): the matmul-heavy operations cast their fp32 inputs,
/// weights and biases to the compute type and run there; the casts are differentiable, so gradients arrive at the
/// fp32 master weights in fp32 (Micikevicius et al. 2018; bf16 needs no loss scaling). Everything else (embeddings,
/// residual stream, LayerNorm, softmax, loss) stays fp32, which is what autocast's op lists do as well.
/// </summary>
public static class MixedPrecision
{
    /// <summary>The dtype of the matmuls, or null for plain fp32 (no casts at all).</summary>
    public static ScalarType? MatmulType(Precision precision) => precision switch
    {
        Precision.Fp32 => null,
        Precision.Bf16 => ScalarType.BFloat16,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown precision."),
    };

    /// <summary><paramref name="layer"/> applied in <paramref name="matmulType"/> (output in that type), or as is when null.</summary>
    /// <param name="input">[…, in]</param>
    /// <returns>[…, out]</returns>
    public static Tensor Linear(Tensor input, Linear layer, ScalarType? matmulType) =>
        matmulType is null ? layer.forward(input) : Linear(input, layer.weight!, layer.bias, matmulType);

    /// <summary>x Wᵀ + b in <paramref name="matmulType"/> (output in that type), or in the inputs' type when null.</summary>
    /// <param name="input">[…, in]</param>
    /// <param name="weight">[out, in]</param>
    /// <param name="bias">[out] or null</param>
    /// <returns>[…, out]</returns>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias, ScalarType? matmulType)
    {
        if (matmulType is not ScalarType t) return nn.functional.linear(input, weight, bias);
        using var scope = NewDisposeScope();
        return nn.functional.linear(input.to(t), weight.to(t), bias?.to(t)).MoveToOuterDisposeScope();
    }
}
