using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SuddenDrops.Model;

/// <summary>
/// BERT's masked-LM head: dense + GELU + LayerNorm, then a decoder whose weight is the
/// input word-embedding matrix (tied) plus its own bias. It is applied only to the positions
/// that carry a prediction target, so the [·, V] projection costs M × D × V rather than B × T × D × V.
/// </summary>
public sealed class MlmHead : nn.Module
{
    private readonly Linear transform;
    private readonly LayerNorm norm;
    private readonly Parameter decoderBias;

    public MlmHead(BertConfig config) : base(nameof(MlmHead))
    {
        transform = nn.Linear(config.Hidden, config.Hidden);
        norm = nn.LayerNorm(config.Hidden, eps: config.LayerNormEps);
        decoderBias = nn.Parameter(zeros(config.VocabSize));
        RegisterComponents();
    }

    /// <summary>dtype of the transform and the decoder matmul (bf16), or null for fp32. LayerNorm and the returned logits are fp32.</summary>
    internal ScalarType? MatmulType { get; set; }

    /// <param name="hidden">[M, D] encoder outputs at the selected positions.</param>
    /// <param name="wordEmbeddings">[V, D] tied decoder weight.</param>
    /// <returns>[M, V] fp32 logits.</returns>
    public Tensor Forward(Tensor hidden, Tensor wordEmbeddings)
    {
        using var scope = NewDisposeScope();
        var transformed = nn.functional.gelu(MixedPrecision.Linear(hidden, transform, MatmulType)); // [M, D]
        var h = norm.forward(transformed.to(ScalarType.Float32));                                   // [M, D] fp32
        var logits = MixedPrecision.Linear(h, wordEmbeddings, decoderBias, MatmulType);             // [M, V]
        return logits.to(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
