using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SuddenDrops.Model;

/// <summary>
/// Multi-head scaled dot-product self-attention with a fused Q/K/V projection.
/// softmax(Q Kᵀ / √d_h + mask) V, per head (Vaswani et al. 2017).
/// When the caller needs the attention probabilities (UAS, the syntactic regulariser) they are computed
/// explicitly and handed back; otherwise the fused <c>scaled_dot_product_attention</c> kernel is used.
/// </summary>
public sealed class SelfAttention : nn.Module
{
    private readonly Linear qkv;
    private readonly Linear output;
    private readonly Dropout probsDropout;
    private readonly int heads;
    private readonly int headDim;
    private readonly double dropoutP;

    public SelfAttention(BertConfig config) : base(nameof(SelfAttention))
    {
        heads = config.Heads;
        headDim = config.HeadDim;
        dropoutP = config.Dropout;
        qkv = nn.Linear(config.Hidden, 3L * config.Hidden);
        output = nn.Linear(config.Hidden, config.Hidden);
        probsDropout = nn.Dropout(config.Dropout);
        RegisterComponents();
    }

    /// <param name="x">[B, T, D] input.</param>
    /// <param name="additiveMask">[B, 1, 1, T]: 0 for real keys, the dtype's lowest value for padded keys.</param>
    /// <param name="probabilities">Set to the attention probabilities [B, H, T, T] (before dropout) when <paramref name="returnProbabilities"/>.</param>
    /// <returns>[B, T, D]</returns>
    public Tensor Forward(Tensor x, Tensor additiveMask, bool returnProbabilities, out Tensor? probabilities)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1];
        var parts = qkv.forward(x).view(b, t, 3, heads, headDim).permute(2, 0, 3, 1, 4); // [3, B, H, T, Dh]
        var q = parts[0];
        var k = parts[1];
        var v = parts[2];
        Tensor context; // [B, H, T, Dh]
        if (returnProbabilities)
        {
            var scores = matmul(q, k.transpose(-2, -1)) / Math.Sqrt(headDim) + additiveMask; // [B, H, T, T]
            var probs = scores.softmax(-1);
            context = matmul(probsDropout.forward(probs), v);
            probabilities = probs.MoveToOuterDisposeScope();
        }
        else
        {
            context = nn.functional.scaled_dot_product_attention(q, k, v, additiveMask, training ? dropoutP : 0.0);
            probabilities = null;
        }
        var merged = context.transpose(1, 2).reshape(b, t, heads * headDim); // [B, T, D]
        return output.forward(merged).MoveToOuterDisposeScope();
    }
}
