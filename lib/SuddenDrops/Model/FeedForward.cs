using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SuddenDrops.Model;

/// <summary>Position-wise feed-forward layer: W₂ GELU(W₁ x + b₁) + b₂, with the exact (erf) GELU as in BERT.</summary>
public sealed class FeedForward : nn.Module<Tensor, Tensor>
{
    private readonly Linear up;
    private readonly Linear down;

    public FeedForward(BertConfig config) : base(nameof(FeedForward))
    {
        up = nn.Linear(config.Hidden, config.Intermediate);
        down = nn.Linear(config.Intermediate, config.Hidden);
        RegisterComponents();
    }

    /// <summary>dtype of both linear layers and the GELU between them (bf16), or null for fp32.</summary>
    internal ScalarType? MatmulType { get; set; }

    /// <param name="x">[B, T, D]</param>
    /// <returns>[B, T, D], in the matmul type</returns>
    public override Tensor forward(Tensor x)
    {
        using var h = MixedPrecision.Linear(x, up, MatmulType); // [B, T, F]
        using var a = nn.functional.gelu(h);
        return MixedPrecision.Linear(a, down, MatmulType);
    }
}
