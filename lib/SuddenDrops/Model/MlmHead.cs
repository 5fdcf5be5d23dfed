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

    /// <param name="hidden">[M, D] encoder outputs at the selected positions.</param>
    /// <param name="wordEmbeddings">[V, D] tied decoder weight.</param>
    /// <returns>[M, V] logits.</returns>
    public Tensor Forward(Tensor hidden, Tensor wordEmbeddings)
    {
        using var scope = NewDisposeScope();
        var h = norm.forward(nn.functional.gelu(transform.forward(hidden))); // [M, D]
        return nn.functional.linear(h, wordEmbeddings, decoderBias).MoveToOuterDisposeScope(); // [M, V]
    }
}
