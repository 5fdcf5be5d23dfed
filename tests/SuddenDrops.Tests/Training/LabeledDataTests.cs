using SuddenDrops.Data;
using SuddenDrops.Tests.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

/// <summary>Treebank sentences as labelled rows: first-piece alignment, batch composition and the seeding.</summary>
public class LabeledDataTests
{
    internal const int Length = 24;
    private static readonly Lazy<LabeledSentences> Ewt = new(() => LabeledSentences.FromTreebank(
        ConlluReader.Read(SharedData.PathOf("ud/en_ewt-ud-train.conllu")).Take(600), TextTestData.Encoder, Length));

    /// <summary>The first 600 sentences of UD EWT train, aligned with bert-base-uncased, those of at most 24 pieces kept.</summary>
    internal static LabeledSentences EwtTrain => Ewt.Value;

    /// <summary>A raw stream of plain pieces (ids 110–149) with a [SEP] every 17.</summary>
    internal static PackedSequences Raw() =>
        new(Enumerable.Range(0, 4000).Select(i => i % 17 == 16 ? 102 : 110 + i * 7 % 40).ToArray(), Length, 101, 102, 0);

    internal static TrainingConfig Config(SasVariant? variant) => new(
        Preset: "test",
        Model: new SuddenDrops.Model.BertConfig(VocabSize: 30522, Layers: 2, Hidden: 32, Heads: 2, Intermediate: 64, MaxPositions: 32),
        Corpus: new CorpusConfig(["synthetic"]),
        SequenceLength: Length,
        BatchSize: 8,
        Steps: 30,
        Optimizer: new OptimizerConfig(LearningRate: 3e-3, WarmupSteps: 5),
        Masking: new MaskingConfig(),
        Checkpoints: new CheckpointSchedule(DenseEvery: 10, DenseUntil: 100, SparseEvery: 50),
        EvalBatches: 2,
        Seed: 5,
        Threads: 1,
        LogEvery: 5,
        Regularizer: variant is null ? null : new RegularizerConfig(variant, 0.5));

    private static MlmMasker Masker() =>
        new(new MaskingConfig(), 30522, SpecialPieces.BertBaseUncased.Mask, SpecialPieces.BertBaseUncased.NeverMasked);

    private static TrainingBatches Batches(SasVariant? variant) => new(Config(variant), Raw(), Masker(), EwtTrain, 0);

    [Fact]
    public void A_word_stands_for_its_first_piece_and_the_root_has_no_edge()
    {
        var sentence = new DependencySentence("t1", ["the", "unaffable", "dog", "barked"], [3, 3, 4, 0], ["det", "amod", "nsubj", "root"], ["DET", "ADJ", "NOUN", "VERB"]);
        var alignment = TextTestData.Encoder.Align(sentence.Words, 32)!;
        Assert.True(alignment.WordLength[1] > 1, "'unaffable' should need several pieces");
        var labeled = LabeledSentence.From(sentence, alignment);
        var start = alignment.WordStart;
        Assert.Equal(new[] { start[0], start[1], start[2] }, labeled.Dependents);
        Assert.Equal(new[] { start[2], start[2], start[3] }, labeled.Heads);
        Assert.Equal(new[] { 1, 2 }, new[] { labeled.Dependents[0], labeled.Dependents[1] }); // [CLS] is token 0
        Assert.Equal(alignment.PieceIds, labeled.PieceIds);
    }

    [Fact]
    public void Ewt_train_sentences_longer_than_the_sequence_are_skipped_and_counted()
    {
        var ewt = EwtTrain;
        Assert.Equal(600, ewt.Count + ewt.Skipped);
        Assert.InRange(ewt.Count, 150, 500);
        for (var i = 0; i < ewt.Count; i++)
        {
            var s = ewt[i];
            Assert.InRange(s.PieceIds.Length, 3, Length);
            Assert.Equal(101, s.PieceIds[0]);
            Assert.Equal(102, s.PieceIds[^1]);
            Assert.All(s.Dependents.Concat(s.Heads), t => Assert.InRange(t, 1, s.PieceIds.Length - 2));
            Assert.All(s.Dependents.Zip(s.Heads), e => Assert.NotEqual(e.First, e.Second));
        }
    }

    [Fact]
    public void A_quarter_of_the_batch_is_treebank_sentences_padded_after_sep_with_their_gold_edges()
    {
        var batches = Batches(SasVariant.SasMinus);
        Assert.Equal(6, batches.RawRows);
        Assert.Equal(2, batches.LabeledRows);
        for (long step = 0; step < 5; step++)
        {
            using var batch = batches.For(step);
            var (_, drawn) = batches.Draw(step);
            var original = Unmasked(batch);
            var mask = batch.AttentionMask.data<long>().ToArray();
            long expectedEdges = 0;
            for (var j = 0; j < 2; j++)
            {
                var pieces = EwtTrain[drawn[j]].PieceIds;
                var row = (6 + j) * Length;
                Assert.Equal(pieces.Select(p => (long)p), original[row..(row + pieces.Length)]);
                Assert.All(original[(row + pieces.Length)..(row + Length)], p => Assert.Equal(0, p));
                Assert.Equal(Enumerable.Range(0, Length).Select(t => t < pieces.Length ? 1L : 0L), mask[row..(row + Length)]);
                expectedEdges += EwtTrain[drawn[j]].EdgeCount;
            }
            var edges = batch.Edges!;
            Assert.Equal(expectedEdges, edges.Count);
            var rows = edges.Rows.data<long>().ToArray();
            var dependents = edges.Dependents.data<long>().ToArray();
            var heads = edges.Heads.data<long>().ToArray();
            Assert.All(rows, r => Assert.InRange(r, 6, 7));
            Assert.Equal(EwtTrain[drawn[0]].Dependents.Select(d => (long)d), dependents.Where((_, e) => rows[e] == 6));
            Assert.Equal(EwtTrain[drawn[1]].Heads.Select(h => (long)h), heads.Where((_, e) => rows[e] == 7));
        }
    }

    [Fact]
    public void Labeled_rows_are_masked_like_raw_text()
    {
        var batches = Batches(SasVariant.Baseline);
        int labeledTargets = 0, labeledTokens = 0;
        for (long step = 0; step < 40; step++)
        {
            using var batch = batches.For(step);
            var positions = batch.TargetPositions.data<long>().ToArray();
            labeledTargets += positions.Count(p => p / Length >= 6);
            var (_, drawn) = batches.Draw(step);
            labeledTokens += drawn.Sum(i => EwtTrain[i].PieceIds.Length - 2);
        }
        Assert.InRange(labeledTargets / (double)labeledTokens, 0.11, 0.19); // BERT's 15%
    }

    [Fact]
    public void Every_variant_sees_the_same_batches_and_each_step_is_a_function_of_the_step_alone()
    {
        var sasMinus = Batches(SasVariant.SasMinus);
        foreach (var other in new[] { Batches(SasVariant.Baseline), Batches(SasVariant.SasPlus), Batches(SasVariant.SasMinusReleasedAt(3)) })
            foreach (var step in new long[] { 0, 1, 7, 123, 4567 })
                AssertSame(sasMinus.For(step), other.For(step));
        var later = sasMinus.For(123); // after other steps were built
        AssertSame(Batches(SasVariant.SasMinus).For(123), later);
        Assert.NotEqual(sasMinus.Draw(0).Labeled, sasMinus.Draw(1).Labeled);
    }

    [Fact]
    public void Without_a_regularizer_the_batches_are_those_of_plain_training()
    {
        var config = Config(null);
        var batches = new TrainingBatches(config, Raw(), Masker(), null, 0);
        Assert.Equal(8, batches.RawRows);
        Assert.Equal(0, batches.LabeledRows);
        var order = new BatchOrder(Raw().Count, config.BatchSize, config.Seed);
        var builder = new BatchBuilder(Raw(), Masker());
        foreach (var step in new long[] { 0, 3, 250 })
        {
            using var batch = batches.For(step);
            Assert.Null(batch.Edges);
            AssertSame(builder.Build(order.For(step), SeedMix.Generator(config.Seed, SeedMix.Masking, step)), batch, disposeSecond: false);
        }
    }

    [Fact]
    public void A_regularized_run_without_labeled_sentences_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new TrainingBatches(Config(SasVariant.SasPlus), Raw(), Masker(), null, 0));
        Assert.Contains("sas+", error.Message);
    }

    /// <summary>The pieces before masking: input ids with the targets put back.</summary>
    private static long[] Unmasked(MaskedBatch batch)
    {
        var ids = batch.InputIds.data<long>().ToArray();
        var positions = batch.TargetPositions.data<long>().ToArray();
        var targets = batch.TargetIds.data<long>().ToArray();
        for (var m = 0; m < positions.Length; m++) ids[positions[m]] = targets[m];
        return ids;
    }

    private static void AssertEqual(TorchSharp.torch.Tensor a, TorchSharp.torch.Tensor b)
    {
        Assert.Equal(a.shape, b.shape);
        Assert.Equal(a.data<long>().ToArray(), b.data<long>().ToArray());
    }

    private static void AssertSame(MaskedBatch a, MaskedBatch b, bool disposeSecond = true)
    {
        try
        {
            AssertEqual(a.InputIds, b.InputIds);
            AssertEqual(a.AttentionMask, b.AttentionMask);
            AssertEqual(a.TargetPositions, b.TargetPositions);
            AssertEqual(a.TargetIds, b.TargetIds);
            Assert.Equal(a.Edges is null, b.Edges is null);
            if (a.Edges is { } e && b.Edges is { } f)
            {
                AssertEqual(e.Rows, f.Rows);
                AssertEqual(e.Dependents, f.Dependents);
                AssertEqual(e.Heads, f.Heads);
            }
        }
        finally
        {
            a.Dispose();
            if (disposeSecond) b.Dispose();
        }
    }
}
