using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static SuddenDrops.Model.HeldScalars;

namespace SuddenDrops.Parsing;

/// <summary>
/// The graph-based biaffine parser of Dozat &amp; Manning (2017, "Deep Biaffine Attention for Neural Dependency Parsing").
/// <list type="number">
/// <item>x_i = [word embedding; char-CNN vector] of word i (ROOT at i = 0), with dropout;</item>
/// <item>r_i = BiLSTM(x)_i (packed sequences, so padding never enters the recurrences);</item>
/// <item>h_i^(arc-dep), h_j^(arc-head), h_i^(rel-dep), h_j^(rel-head) = dropout(LeakyReLU(W r + b)) — four MLPs;</item>
/// <item>arc scores s_ij = h_i^(arc-dep)ᵀ U h_j^(arc-head) + h_j^(arc-head)ᵀ u (eq. 6: the bias is on the head side only,
/// a prior of word j being a head), softmax over heads j;</item>
/// <item>relation scores for dependent i attached to head j: s_ijℓ = h_iᵀ U_ℓ h_j + w_ℓᵀ [h_i; h_j] + b_ℓ (rel MLP outputs).</item>
/// </list>
/// U and U_ℓ start at zero, as in the paper (so training starts from the head-side prior only).
/// </summary>
public sealed class BiaffineParserModel : nn.Module
{
    private readonly Embedding words;
    private readonly CharacterCnn characters;
    private readonly Dropout embeddingDropout;
    private readonly LSTM lstm;
    private readonly Dropout dropout;
    private readonly Linear arcDependent, arcHead, relDependent, relHead;
    private readonly Parameter arcWeight;      // U: [A, A]
    private readonly Parameter arcHeadBias;    // u: [A]
    private readonly Parameter relWeight;      // U_ℓ: [L, R, R]
    private readonly Linear relLinear;         // w_ℓ, b_ℓ: [2R] → [L]

    public BiaffineParserModel(ParserConfig config, ParserVocabulary vocabulary) : base(nameof(BiaffineParserModel))
    {
        Config = config;
        words = nn.Embedding(vocabulary.WordCount, config.WordDim, padding_idx: ParserVocabulary.Pad);
        characters = new CharacterCnn(vocabulary.CharCount, config.CharDim, config.CharFilters, config.CharKernel);
        embeddingDropout = nn.Dropout(config.Dropout);
        lstm = nn.LSTM(config.WordDim + config.CharFilters, config.LstmHidden, config.LstmLayers,
            batchFirst: true, dropout: config.LstmLayers > 1 ? config.Dropout : 0, bidirectional: true);
        dropout = nn.Dropout(config.Dropout);
        var encoded = 2 * config.LstmHidden;
        arcDependent = nn.Linear(encoded, config.ArcMlp);
        arcHead = nn.Linear(encoded, config.ArcMlp);
        relDependent = nn.Linear(encoded, config.RelMlp);
        relHead = nn.Linear(encoded, config.RelMlp);
        arcWeight = new Parameter(zeros(config.ArcMlp, config.ArcMlp));
        arcHeadBias = new Parameter(zeros(config.ArcMlp));
        relWeight = new Parameter(zeros(vocabulary.RelationCount, config.RelMlp, config.RelMlp));
        relLinear = nn.Linear(2 * config.RelMlp, vocabulary.RelationCount);
        RegisterComponents();
        using (no_grad())
            nn.init.normal_(words.weight, 0, 1.0 / Math.Sqrt(config.WordDim));
    }

    public ParserConfig Config { get; }

    /// <summary>Encodes a batch: arc scores and the relation MLPs' outputs (for <see cref="RelationScores"/>).</summary>
    /// <returns>Arcs [B, T, T] (dependent i, head j; padding heads at -∞), RelDependent [B, T, R], RelHead [B, T, R].</returns>
    public (Tensor Arcs, Tensor RelDependent, Tensor RelHead) Forward(ParserBatch batch)
    {
        using var scope = NewDisposeScope();
        var embedded = cat([words.forward(batch.Words), characters.forward(batch.Chars)], 2); // [B, T, Dw + F]
        var encoded = dropout.forward(Encode(embeddingDropout.forward(embedded), batch.Lengths)); // [B, T, 2H]
        var dependent = Mlp(arcDependent, encoded);                                            // [B, T, A]
        var head = Mlp(arcHead, encoded);                                                      // [B, T, A]
        var arcs = matmul(matmul(dependent, arcWeight), head.transpose(1, 2))                 // [B, T, T]
                   .add(matmul(head, arcHeadBias).unsqueeze(1), One);                          // + [B, 1, T]
        // Every Scalar is held in a using so that it stays alive through the native call: an implicit long/float → Scalar
        // temporary can be finalised mid-call in TorchSharp 0.107 (Parser.md, "The NaNs"); a freed Pad here masked
        // the wrong positions.
        using var pad = ((long)ParserVocabulary.Pad).ToScalar();
        var padding = batch.Words.eq(pad).unsqueeze(1);                                       // [B, 1, T]
        using var minusInfinity = float.NegativeInfinity.ToScalar();
        arcs = arcs.masked_fill(padding, minusInfinity);
        return (arcs.MoveToOuterDisposeScope(), Mlp(relDependent, encoded).MoveToOuterDisposeScope(), Mlp(relHead, encoded).MoveToOuterDisposeScope());
    }

    /// <summary>Relation scores of each word attached to the given heads.</summary>
    /// <param name="relDependent">[B, T, R]</param>
    /// <param name="relHeadAll">[B, T, R] for every position as a head.</param>
    /// <param name="heads">[B, T] int64 head position of each dependent (any valid position at padding).</param>
    /// <returns>[B, T, L]</returns>
    public Tensor RelationScores(Tensor relDependent, Tensor relHeadAll, Tensor heads)
    {
        using var scope = NewDisposeScope();
        using var zero = 0L.ToScalar();
        var index = heads.clamp_min(zero).unsqueeze(2).expand(-1, -1, relHeadAll.shape[2]); // [B, T, R]
        var head = relHeadAll.gather(1, index);                                           // [B, T, R]
        var bilinear = einsum("btr,lrs,bts->btl", relDependent, relWeight, head);         // [B, T, L]
        var linear = relLinear.forward(cat([relDependent, head], 2));                     // [B, T, L]
        return bilinear.add(linear, One).MoveToOuterDisposeScope();
    }

    /// <summary>Cross-entropy of the gold heads (softmax over heads) plus cross-entropy of the gold relations at the gold heads.</summary>
    /// <returns>(total loss, arc loss, relation loss), scalars.</returns>
    public (Tensor Loss, Tensor ArcLoss, Tensor RelationLoss) Loss(ParserBatch batch)
    {
        if (batch.Heads is null || batch.Relations is null)
            throw new ArgumentException("The batch was built without gold trees.");
        using var scope = NewDisposeScope();
        var (arcs, relDependent, relHead) = Forward(batch);
        var positions = arcs.shape[2];
        var arcLoss = nn.functional.cross_entropy(arcs.view(-1, positions), batch.Heads.view(-1));
        var relations = RelationScores(relDependent, relHead, batch.Heads);               // [B, T, L]
        var relationLoss = nn.functional.cross_entropy(relations.view(-1, relations.shape[2]), batch.Relations.view(-1));
        var loss = arcLoss.add(relationLoss, One);
        return (loss.MoveToOuterDisposeScope(), arcLoss.detach().MoveToOuterDisposeScope(), relationLoss.detach().MoveToOuterDisposeScope());
    }

    private Tensor Mlp(Linear linear, Tensor x)
    {
        using var h = linear.forward(x);
        using var slope = 0.1.ToScalar();
        using var a = h.leaky_relu(slope);
        return dropout.forward(a);
    }

    /// <param name="x">[B, T, E] padded inputs.</param>
    /// <param name="lengths">[B] int64 on the CPU.</param>
    /// <returns>[B, T, 2H], zeros at padding.</returns>
    private Tensor Encode(Tensor x, Tensor lengths)
    {
        using var packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first: true, enforce_sorted: false);
        var (output, hidden, cell) = lstm.call(packed);
        hidden.Dispose();
        cell.Dispose();
        using (output)
        {
            var (padded, _) = nn.utils.rnn.pad_packed_sequence(output, batch_first: true, total_length: x.shape[1]);
            return padded;
        }
    }
}
