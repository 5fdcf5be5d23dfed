namespace SuddenDrops.Training;

/// <summary>
/// The training batch of each step. Without a regulariser: B packed raw-text sequences. With one (any variant, base included,
/// so that all variants of a sweep see the same batches): rows 0 … B − L − 1 are raw text and rows B − L … B − 1 treebank
/// sentences (L = <see cref="RegularizerConfig.LabeledRows"/>), each drawn by its own counter-based <see cref="BatchOrder"/>;
/// one masking generator (seed, Masking, step) masks all rows alike. Everything is a function of the step (exact resume).
/// With a regulariser on the training rows' own trees (<see cref="EdgeSource.TrainingRows"/>) there are no labelled rows:
/// the batch is exactly that of plain training on the same corpus, and its edges are those inside its packed rows.
/// </summary>
public sealed class TrainingBatches
{
    private readonly PackedSequences raw;
    private readonly MlmMasker masker;
    private readonly LabeledSentences? labeled;
    private readonly BatchOrder rawOrder;
    private readonly BatchOrder? labeledOrder;
    private readonly long seed;
    private readonly int padId;
    private readonly bool edgesFromRows;

    public TrainingBatches(TrainingConfig config, PackedSequences raw, MlmMasker masker, LabeledSentences? labeled, int padId)
    {
        if (raw.Length != config.SequenceLength)
            throw new ArgumentException($"Raw sequences are {raw.Length} long, the config says {config.SequenceLength}.");
        this.raw = raw;
        this.masker = masker;
        this.padId = padId;
        seed = config.Seed;
        if (config.Regularizer is { Edges: EdgeSource.TrainingRows } onRows)
        {
            if (!raw.HasTrees)
                throw new ArgumentException($"The regulariser ({onRows.Variant}) acts on the training rows' trees, but the corpus has none: build it from parsed text (--silver).");
            edgesFromRows = true;
        }
        else if (config.Regularizer is { } regularizer)
        {
            if (labeled is null || labeled.Count == 0)
                throw new ArgumentException($"The regulariser ({regularizer.Variant}) needs labelled sentences from {regularizer.Treebank}; none were given.");
            this.labeled = labeled;
            LabeledRows = regularizer.LabeledRows(config.BatchSize);
            labeledOrder = new BatchOrder(labeled.Count, LabeledRows, seed, SeedMix.LabeledOrder);
        }
        RawRows = config.BatchSize - LabeledRows;
        rawOrder = new BatchOrder(raw.Count, RawRows, seed);
    }

    public int RawRows { get; }
    public int LabeledRows { get; }
    public int Length => raw.Length;

    /// <summary>Indices of the raw sequences and of the treebank sentences (empty without a regulariser) in the batch of <paramref name="step"/>.</summary>
    public (int[] Raw, int[] Labeled) Draw(long step) => (rawOrder.For(step), labeledOrder?.For(step) ?? []);

    /// <summary>The masked batch of <paramref name="step"/> [B, T], with the gold edges of its labelled rows.</summary>
    public MaskedBatch For(long step)
    {
        var (rawIndices, labeledIndices) = Draw(step);
        int b = RawRows + LabeledRows, t = Length;
        var ids = new int[b * t];
        var real = new bool[b * t];
        for (int row = 0; row < RawRows; row++) raw.Fill(rawIndices[row], row, ids, real);
        for (int j = 0; j < labeledIndices.Length; j++) labeled!.Fill(labeledIndices[j], RawRows + j, t, padId, ids, real);
        var batch = masker.Apply(ids, real, b, t, SeedMix.Generator(seed, SeedMix.Masking, step));
        if (edgesFromRows) return batch with { Edges = RowEdges(rawIndices) };
        return labeled is null ? batch : batch with { Edges = EdgesOf(labeledIndices) };
    }

    private SyntacticEdges RowEdges(int[] rawIndices)
    {
        var rows = new List<long>();
        var dependents = new List<long>();
        var heads = new List<long>();
        for (int row = 0; row < rawIndices.Length; row++) raw.Edges(rawIndices[row], row, rows, dependents, heads);
        return SyntacticEdges.FromArrays([.. rows], [.. dependents], [.. heads]);
    }

    private SyntacticEdges EdgesOf(int[] labeledIndices)
    {
        var rows = new List<long>();
        var dependents = new List<long>();
        var heads = new List<long>();
        for (int j = 0; j < labeledIndices.Length; j++)
        {
            var sentence = labeled![labeledIndices[j]];
            for (int e = 0; e < sentence.EdgeCount; e++)
            {
                rows.Add(RawRows + j);
                dependents.Add(sentence.Dependents[e]);
                heads.Add(sentence.Heads[e]);
            }
        }
        return SyntacticEdges.FromArrays([.. rows], [.. dependents], [.. heads]);
    }
}
