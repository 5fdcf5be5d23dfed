namespace SuddenDrops.Model;

/// <summary>
/// Shape of a BERT encoder with its masked-language-model head (Devlin et al. 2019).
/// Immutable; serialised into every run folder's <c>config.json</c>.
/// </summary>
/// <param name="VocabSize">Number of word pieces (30,522 for bert-base-uncased; fewer after pruning).</param>
/// <param name="Layers">Transformer blocks.</param>
/// <param name="Hidden">Model width d.</param>
/// <param name="Heads">Attention heads per block; <see cref="Hidden"/> must be divisible by it.</param>
/// <param name="Intermediate">Width of the feed-forward layer (4d in BERT).</param>
/// <param name="MaxPositions">Learned absolute positions (sequence length limit).</param>
/// <param name="TypeVocabSize">Token-type (segment) embeddings: 2 as in BERT.</param>
/// <param name="Dropout">Dropout on embeddings, attention probabilities and residual branches.</param>
/// <param name="LayerNormEps">LayerNorm epsilon (1e-12 in BERT).</param>
/// <param name="InitStd">Standard deviation of the normal initialisation of weights (0.02).</param>
public sealed record BertConfig(
    int VocabSize,
    int Layers,
    int Hidden,
    int Heads,
    int Intermediate,
    int MaxPositions = 512,
    int TypeVocabSize = 2,
    double Dropout = 0.1,
    double LayerNormEps = 1e-12,
    double InitStd = 0.02)
{
    public int HeadDim => Hidden / Heads;

    /// <summary>Throws when the shape is inconsistent.</summary>
    public BertConfig Validate()
    {
        if (VocabSize < 5) throw new ArgumentException($"VocabSize must hold at least the 5 special pieces, got {VocabSize}.");
        if (Layers < 1 || Hidden < 1 || Heads < 1 || Intermediate < 1)
            throw new ArgumentException($"Layers, Hidden, Heads and Intermediate must be positive (got {Layers}, {Hidden}, {Heads}, {Intermediate}).");
        if (Hidden % Heads != 0) throw new ArgumentException($"Hidden ({Hidden}) must be divisible by Heads ({Heads}).");
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"Dropout must be in [0, 1), got {Dropout}.");
        return this;
    }

    /// <summary>BERT-base: 12 layers, 12 heads, 768 hidden, 3072 feed-forward, 110M parameters with the full vocabulary.</summary>
    public static BertConfig Base(int vocabSize = 30522) => new(vocabSize, 12, 768, 12, 3072);

    /// <summary>The reference run's shape (4 layers × 256 hidden × 4 heads, FFN 1024): see ../shared/reference.</summary>
    public static BertConfig Small(int vocabSize = 30522) => new(vocabSize, 4, 256, 4, 1024);
}
