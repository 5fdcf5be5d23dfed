using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static SuddenDrops.Model.HeldScalars;

namespace SuddenDrops.Model;

/// <summary>
/// One post-LayerNorm transformer block, as in the original BERT:
/// h = LN(x + Dropout(Attention(x))); y = LN(h + Dropout(FFN(h))).
/// </summary>
public sealed class EncoderLayer : nn.Module
{
    private readonly SelfAttention attention;
    private readonly LayerNorm attentionNorm;
    private readonly FeedForward feedForward;
    private readonly LayerNorm outputNorm;
    private readonly double dropoutP;

    public EncoderLayer(BertConfig config) : base(nameof(EncoderLayer))
    {
        attention = new SelfAttention(config);
        attentionNorm = nn.LayerNorm(config.Hidden, eps: config.LayerNormEps);
        feedForward = new FeedForward(config);
        outputNorm = nn.LayerNorm(config.Hidden, eps: config.LayerNormEps);
        dropoutP = config.Dropout;
        RegisterComponents();
    }

    /// <summary>dtype of the attention and feed-forward matmuls (bf16), or null for fp32. The residual stream and both LayerNorms stay fp32.</summary>
    internal ScalarType? MatmulType
    {
        get => attention.MatmulType;
        set
        {
            attention.MatmulType = value;
            feedForward.MatmulType = value;
        }
    }

    /// <summary>Dropout and attention implementation (set through <see cref="MaskedLanguageModel.Kernels"/>).</summary>
    internal Kernels Kernels
    {
        get => attention.Kernels;
        set => attention.Kernels = value;
    }

    /// <param name="x">[B, T, D] fp32</param>
    /// <param name="additiveMask">[B, 1, 1, T], or null when no key is padding</param>
    /// <returns>[B, T, D] fp32 (a bf16 branch added to the fp32 residual promotes to fp32); <paramref name="probabilities"/> is [B, H, T, T] when asked for.</returns>
    public Tensor Forward(Tensor x, Tensor? additiveMask, bool returnProbabilities, out Tensor? probabilities)
    {
        using var scope = NewDisposeScope();
        var attended = attention.Forward(x, additiveMask, returnProbabilities, out probabilities);
        probabilities?.MoveToOuterDisposeScope();
        var h = attentionNorm.forward(x.add(FastDropout.Apply(attended, dropoutP, training, Kernels), One));                 // [B, T, D] fp32
        var y = outputNorm.forward(h.add(FastDropout.Apply(feedForward.forward(h), dropoutP, training, Kernels), One));     // [B, T, D] fp32
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Evaluation only: the block's output at one position per row, [B, D]. After attention every position is computed on
    /// its own (residual, LayerNorm, FFN), so this equals <see cref="Forward"/> at those positions, at a fraction of the cost
    /// when only they are read (the last block under pseudo-log-likelihood scoring).
    /// </summary>
    /// <param name="x">[B, T, D] fp32</param>
    /// <param name="additiveMask">[B, 1, 1, T], or null when no key is padding</param>
    /// <param name="flatPositions">[B] b·T + p_b, the position kept in row b</param>
    /// <returns>[B, D] fp32</returns>
    public Tensor ForwardAt(Tensor x, Tensor? additiveMask, Tensor flatPositions)
    {
        using var scope = NewDisposeScope();
        var residual = x.reshape(-1, x.shape[2]).index_select(0, flatPositions);         // [B, D] fp32, x[b, p_b]
        var attended = attention.ForwardAt(x, additiveMask, residual);                   // [B, D]
        var h = attentionNorm.forward(residual.add(attended, One));                      // [B, D] fp32
        var y = outputNorm.forward(h.add(feedForward.forward(h), One));                  // [B, D] fp32
        return y.MoveToOuterDisposeScope();
    }
}
