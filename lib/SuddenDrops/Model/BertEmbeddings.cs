using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static SuddenDrops.Model.HeldScalars;

namespace SuddenDrops.Model;

/// <summary>
/// BERT input embeddings: word piece + learned absolute position + token type, then LayerNorm and dropout.
/// </summary>
public sealed class BertEmbeddings : nn.Module
{
    private readonly Embedding word;
    private readonly Embedding position;
    private readonly Embedding tokenType;
    private readonly LayerNorm norm;
    private readonly double dropoutP;
    private readonly long padId;

    public BertEmbeddings(BertConfig config, long padId) : base(nameof(BertEmbeddings))
    {
        this.padId = padId;
        word = nn.Embedding(config.VocabSize, config.Hidden, padding_idx: padId);
        position = nn.Embedding(config.MaxPositions, config.Hidden);
        tokenType = nn.Embedding(config.TypeVocabSize, config.Hidden);
        norm = nn.LayerNorm(config.Hidden, eps: config.LayerNormEps);
        dropoutP = config.Dropout;
        RegisterComponents();
    }

    /// <summary>Dropout implementation (set through <see cref="MaskedLanguageModel.Kernels"/>).</summary>
    internal Kernels Kernels { get; set; }

    /// <summary>The word-piece embedding matrix [V, D], tied to the MLM decoder.</summary>
    public Parameter WordWeight => word.weight!;

    /// <summary>As in BERT, the [PAD] row starts at zero (padding_idx keeps its gradient at zero).</summary>
    public void ZeroPaddingRow()
    {
        using var noGrad = no_grad();
        word.weight![padId].zero_();
    }

    /// <param name="inputIds">[B, T] piece ids.</param>
    /// <param name="tokenTypes">[B, T] segment ids, or null for all zeros.</param>
    /// <returns>[B, T, D]</returns>
    public Tensor Forward(Tensor inputIds, Tensor? tokenTypes)
    {
        using var t = inputIds.shape[1].ToScalar(); // held through the native call (environment.md, "Scalars")
        using var positions = arange(Zero, t, One, dtype: ScalarType.Int64, device: inputIds.device); // [T]
        using var types = tokenTypes is null ? zeros_like(inputIds) : null;
        using var w = word.forward(inputIds);                  // [B, T, D]
        using var p = position.forward(positions);             // [T, D]
        using var s = tokenType.forward(tokenTypes ?? types!); // [B, T, D]
        using var sum = w.add(p, One).add(s, One);
        using var normed = norm.forward(sum);
        return FastDropout.Apply(normed, dropoutP, training, Kernels);
    }
}
