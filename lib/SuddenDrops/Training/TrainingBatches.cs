namespace SuddenDrops.Training;

/// <summary>
/// The training batch of each step. Without a regulariser: B packed raw-text sequences. With one (any variant, base included,
/// so that all variants of a sweep see the same batches): rows 0 … B − L − 1 are raw text and rows B − L … B − 1 treebank
/// sentences (L = <see cref="RegularizerConfig.LabelledRows"/>), each drawn by its own counter-based <see cref="BatchOrder"/>;
/// one masking generator (seed, Masking, step) masks all rows alike. Everything is a function of the step (exact resume).
/// With a regulariser on the training rows' own trees (<see cref="EdgeSource.TrainingRows"/>) there are no labelled rows:
/// the batch is exactly that of plain training on the same corpus, and its edges are those inside its packed rows.
/// </summary>
public sealed class TrainingBatches
{
    private readonly PackedSequences raw;
    private readonly MlmMasker masker;
    private readonly LabelledSentences? labelled;
    private readonly BatchOrder rawOrder;
    private readonly BatchOrder? labelledOrder;
    private readonly long seed;
    private readonly int padId;
    private readonly bool edgesFromRows;

    public TrainingBatches(TrainingConfig config, PackedSequences raw, MlmMasker masker, LabelledSentences? labelled, int padId)
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
            if (labelled is null || labelled.Count == 0)
                throw new ArgumentException($"The regulariser ({regularizer.Variant}) needs labelled sentences from {regularizer.Treebank}; none were given.");
            this.labelled = labelled;
            LabelledRows = regularizer.LabelledRows(config.BatchSize);
            labelledOrder = new BatchOrder(labelled.Count, LabelledRows, seed, SeedMix.LabelledOrder);
        }
        RawRows = config.BatchSize - LabelledRows;
        rawOrder = new BatchOrder(raw.Count, RawRows, seed);
    }

    public int RawRows { get; }
    public int LabelledRows { get; }
    public int Length => raw.Length;

    /// <summary>Indices of the raw sequences and of the treebank sentences (empty without a regulariser) in the batch of <paramref name="step"/>.</summary>
    public (int[] Raw, int[] Labelled) Draw(long step) => (rawOrder.For(step), labelledOrder?.For(step) ?? []);

    /// <summary>The masked batch of <paramref name="step"/> [B, T], with the gold edges of its labelled rows.</summary>
    public MaskedBatch For(long step)
    {
        var (rawIndices, labelledIndices) = Draw(step);
        int b = RawRows + LabelledRows, t = Length;
        var ids = new int[b * t];
        var real = new bool[b * t];
        for (int row = 0; row < RawRows; row++) raw.Fill(rawIndices[row], row, ids, real);
        for (int j = 0; j < labelledIndices.Length; j++) labelled!.Fill(labelledIndices[j], RawRows + j, t, padId, ids, real);
        var batch = masker.Apply(ids, real, b, t, SeedMix.Generator(seed, SeedMix.Masking, step));
        if (edgesFromRows) return batch with { Edges = RowEdges(rawIndices) };
        return labelled is null ? batch : batch with { Edges = EdgesOf(labelledIndices) };
    }

    private SyntacticEdges RowEdges(int[] rawIndices)
    {
        var rows = new List<long>();
        var dependents = new List<long>();
        var heads = new List<long>();
        for (int row = 0; row < rawIndices.Length; row++) raw.Edges(rawIndices[row], row, rows, dependents, heads);
        return SyntacticEdges.FromArrays([.. rows], [.. dependents], [.. heads]);
    }

    private SyntacticEdges EdgesOf(int[] labelledIndices)
    {
        var rows = new List<long>();
        var dependents = new List<long>();
        var heads = new List<long>();
        for (int j = 0; j < labelledIndices.Length; j++)
        {
            var sentence = labelled![labelledIndices[j]];
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
