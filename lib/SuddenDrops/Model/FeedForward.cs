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

    /// <param name="x">[B, T, D]</param>
    /// <returns>[B, T, D]</returns>
    public override Tensor forward(Tensor x)
    {
        using var h = up.forward(x);              // [B, T, F]
        using var a = nn.functional.gelu(h);
        return down.forward(a);
    }
}
