using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static SuddenDrops.Model.HeldScalars;

namespace SuddenDrops.Model;

/// <summary>
/// Multi-head scaled dot-product self-attention with a fused Q/K/V projection.
/// softmax(Q Kᵀ / √d_h + mask) V, per head (Vaswani et al. 2017).
/// When the caller needs the attention probabilities (UAS, the syntactic regulariser) they are computed
/// explicitly and handed back; otherwise the fused <c>scaled_dot_product_attention</c> kernel is used.
/// With a matmul type (bf16) the projections and both attention products run in it, the softmax in fp32
/// (the fused kernel accumulates its softmax in fp32 internally).
/// </summary>
public sealed class SelfAttention : nn.Module
{
    private readonly Linear qkv;
    private readonly Linear output;
    private readonly int heads;
    private readonly int headDim;
    private readonly double dropoutP;
    // √d_h and 1/√d_h, created once and disposed with the module: a Scalar made implicitly for each call (Tensor / double)
    // can be finalised while libtorch reads it (environment.md, "Scalars").
    private readonly Scalar sqrtHeadDim;
    private readonly Scalar inverseSqrtHeadDim;

    public SelfAttention(BertConfig config) : base(nameof(SelfAttention))
    {
        heads = config.Heads;
        headDim = config.HeadDim;
        dropoutP = config.Dropout;
        sqrtHeadDim = Math.Sqrt(headDim).ToScalar();
        inverseSqrtHeadDim = (1.0 / Math.Sqrt(headDim)).ToScalar();
        qkv = nn.Linear(config.Hidden, 3L * config.Hidden);
        output = nn.Linear(config.Hidden, config.Hidden);
        RegisterComponents();
    }

    /// <summary>dtype of the matmuls (bf16), or null for fp32; set through <see cref="MaskedLanguageModel.Precision"/>.</summary>
    internal ScalarType? MatmulType { get; set; }

    /// <summary>Dropout and attention kernels (set through <see cref="MaskedLanguageModel.Kernels"/>).</summary>
    internal Kernels Kernels { get; set; }

    /// <summary>Longest sequence for which evaluation on a CPU writes attention out (see <see cref="WritesOutAttention"/>).</summary>
    public const int WrittenOutMaxLength = 128;

    /// <summary>
    /// On a CPU, attention is written out rather than fused (1) in training with dropout and <see cref="Kernels.Fast"/>:
    /// libtorch's CPU kernels take no dropout; (2) in evaluation of sequences up to <see cref="WrittenOutMaxLength"/>
    /// pieces: libtorch's CPU flash kernel pays a per-sequence overhead that dominates short rows (BLiMP's masked copies,
    /// ~12 pieces: 30 % more pairs per second written out; bench/RESULTS.md).
    /// </summary>
    private bool WritesOutAttention(Tensor x) =>
        x.device.type == DeviceType.CPU && (training ? Kernels == Kernels.Fast && dropoutP > 0 : x.shape[1] <= WrittenOutMaxLength);

    /// <param name="x">[B, T, D] input.</param>
    /// <param name="additiveMask">[B, 1, 1, T]: 0 for real keys, the dtype's lowest value for padded keys; null when no key is padding.</param>
    /// <param name="probabilities">Set to the fp32 attention probabilities [B, H, T, T] (before dropout) when <paramref name="returnProbabilities"/>.</param>
    /// <returns>[B, T, D], in the matmul type</returns>
    public Tensor Forward(Tensor x, Tensor? additiveMask, bool returnProbabilities, out Tensor? probabilities)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1];
        var projected = MixedPrecision.Linear(x, qkv, MatmulType);                 // [B, T, 3D]
        var parts = projected.view(b, t, 3, heads, headDim).permute(2, 0, 3, 1, 4); // [3, B, H, T, Dh]
        var q = parts[0];
        var k = parts[1];
        var v = parts[2];
        Tensor context; // [B, H, T, Dh]
        if (returnProbabilities)
        {
            var scores = matmul(q, k.transpose(-2, -1)).to(ScalarType.Float32) / sqrtHeadDim; // [B, H, T, T] fp32
            if (additiveMask is not null) scores = scores.add(additiveMask, One);
            var probs = scores.softmax(-1);
            context = matmul(FastDropout.Apply(probs, dropoutP, training, Kernels).to(v.dtype), v);
            probabilities = probs.MoveToOuterDisposeScope();
        }
        else if (WritesOutAttention(x))
        {
            // In training, libtorch's CPU attention kernels take no dropout (scaled_dot_product_attention would run its
            // unfused "math" path with a safe-softmax pass and Bernoulli masks); in evaluation of short rows its flash
            // kernel is slower than this. The same arithmetic, written out:
            var scaled = q * inverseSqrtHeadDim;                                                     // [B, H, T, Dh]
            var scores = matmul(scaled, k.transpose(-2, -1));                                       // [B, H, T, T] matmul type
            if (additiveMask is not null) scores = scores.add(additiveMask, One);
            var probs = scores.softmax(-1, ScalarType.Float32);                                     // [B, H, T, T] fp32
            context = matmul(FastDropout.Apply(probs, dropoutP, training, Kernels).to(v.dtype), v); // [B, H, T, Dh]
            probabilities = null;
        }
        else
        {
            context = nn.functional.scaled_dot_product_attention(q, k, v, additiveMask, training ? dropoutP : 0.0);
            probabilities = null;
        }
        var merged = context.transpose(1, 2).reshape(b, t, heads * headDim); // [B, T, D]
        return MixedPrecision.Linear(merged, output, MatmulType).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Evaluation only: the attention output at one query position per row, with every position of the row as keys and
    /// values. The same arithmetic as <see cref="Forward"/> at those positions (each query's softmax and weighted sum are
    /// its own), without computing the other queries' rows: softmax(q Kᵀ / √d_h + mask) V with q = Q[b, pₐ].
    /// </summary>
    /// <param name="x">[B, T, D] input.</param>
    /// <param name="additiveMask">[B, 1, 1, T], or null when no key is padding.</param>
    /// <param name="kept">[B, D] the input at row b's query position p_b (x[b, p_b]).</param>
    /// <returns>[B, D], in the matmul type</returns>
    public Tensor ForwardAt(Tensor x, Tensor? additiveMask, Tensor kept)
    {
        if (training) throw new InvalidOperationException("SelfAttention.ForwardAt is for evaluation; call eval() first.");
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1], d = heads * headDim;
        // The fused projection's rows are [W_q; W_k; W_v]: keys and values for every position, the query only where kept.
        var weight = qkv.weight!;
        var bias = qkv.bias!;
        var keysValues = MixedPrecision.Linear(x, weight.narrow(0, d, 2 * d), bias.narrow(0, d, 2 * d), MatmulType) // [B, T, 2D]
            .view(b, t, 2, heads, headDim).permute(2, 0, 3, 1, 4);                                                 // [2, B, H, T, Dh]
        var k = keysValues[0];
        var v = keysValues[1];
        var q = MixedPrecision.Linear(kept, weight.narrow(0, 0, d), bias.narrow(0, 0, d), MatmulType)               // [B, D]
            .view(b, heads, 1, headDim);                                                                             // [B, H, 1, Dh]
        var scores = matmul(q * inverseSqrtHeadDim, k.transpose(-2, -1));                   // [B, H, 1, T]
        if (additiveMask is not null) scores = scores.add(additiveMask, One);
        var probs = scores.softmax(-1, ScalarType.Float32);                                 // [B, H, 1, T] fp32
        var context = matmul(probs.to(v.dtype), v);                                         // [B, H, 1, Dh]
        var merged = context.reshape(b, d);                                                 // [B, D]
        return MixedPrecision.Linear(merged, output, MatmulType).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sqrtHeadDim.Dispose();
            inverseSqrtHeadDim.Dispose();
        }
        base.Dispose(disposing);
    }
}
