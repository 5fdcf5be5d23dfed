using System.Text.Json;
using System.Text.Json.Nodes;
using SuddenDrops.Data;
using SuddenDrops.Parsing;
using SuddenDrops.Tests.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

/// <summary>
/// The regulariser on the training rows' own trees: a corpus built from parsed sentences carries each word's head, packing
/// turns it into the edges inside a row, and the batches are those of plain training on the same corpus.
/// </summary>
public class TrainingRowEdgesTests
{
    private const int Length = 64;

    /// <summary>The first 300 sentences of UD EWT dev, grouped three to a paragraph with <see cref="ParagraphSentences"/>' ids.</summary>
    private static readonly Lazy<List<DependencySentence>> Parsed = new(() =>
        [.. ConlluReader.Read(SharedData.PathOf("ud/en_ewt-ud-dev.conllu")).Take(300)
            .Select((s, i) => s with { Id = $"p{i / 3 + 1}-{i % 3 + 1}" })]);

    private static TokenCorpus Corpus(int heldOutEvery = 1000) =>
        TokenCorpus.BuildParsed(Parsed.Value, ParagraphSentences.ParagraphOf, TextTestData.Encoder, TextTestData.Encoder.Vocabulary.Sep,
            "test", heldOutEvery, minWords: 1);

    /// <summary>For each piece of the training stream: (sentence index, word index) of the word it starts, or null.</summary>
    private static (int Sentence, int Word)?[] WordStarts(TokenCorpus corpus)
    {
        var starts = new (int, int)?[corpus.Train.Length];
        var position = 0;
        for (var s = 0; s < Parsed.Value.Count; s++)
        {
            var sentence = Parsed.Value[s];
            for (var w = 0; w < sentence.Count; w++)
            {
                starts[position] = (s, w);
                position += TextTestData.Encoder.EncodeWord(sentence.Words[w]).Length;
            }
            if (s % 3 == 2) position++; // the [SEP] after each paragraph of three
        }
        Assert.Equal(corpus.Train.Length, position);
        return starts;
    }

    [Fact]
    public void The_edges_of_a_packed_row_are_exactly_the_conllu_edges_with_both_ends_inside_it()
    {
        var corpus = Corpus();
        Assert.True(corpus.HasTrees);
        Assert.Equal(100, corpus.Paragraphs);
        var starts = WordStarts(corpus);
        var packed = new PackedSequences(corpus.Train, Length, 101, 102, 0, corpus.TrainHeads);
        int checkedEdges = 0, leaving = 0;
        foreach (var index in new[] { 0, 5, 17, packed.Count - 1 })
        {
            List<long> rows = [], dependents = [], heads = [];
            packed.Edges(index, row: 3, rows, dependents, heads);
            Assert.All(rows, r => Assert.Equal(3, r));
            var window = Length - 2;
            var first = index * window;
            var n = Math.Min(window, corpus.Train.Length - first);
            // Every edge: the dependent is word w of sentence s, the head the first piece of word head(w) of the same sentence.
            var found = new HashSet<(long, long)>();
            for (var e = 0; e < rows.Count; e++)
            {
                var (s, w) = starts[first + (int)dependents[e] - 1]!.Value;
                var head = Parsed.Value[s].Heads[w];
                Assert.NotEqual(0, head);
                Assert.Equal((s, head - 1), starts[first + (int)heads[e] - 1]);
                found.Add((dependents[e], heads[e]));
                checkedEdges++;
            }
            // And every CoNLL-U edge whose two words start inside the row is there.
            for (var k = 0; k < n; k++)
            {
                if (starts[first + k] is not var (s, w)) continue;
                var head = Parsed.Value[s].Heads[w];
                if (head == 0) continue;
                var headPosition = Array.IndexOf(starts, (s, head - 1), first, n);
                if (headPosition < 0) { leaving++; continue; }
                Assert.Contains((k + 1L, headPosition - first + 1L), found);
            }
            Assert.Equal(found.Count, rows.Count);
        }
        Assert.True(checkedEdges > 100, $"only {checkedEdges} edges checked");
        Assert.True(leaving > 0, "some edges should leave their row (sentences cross row boundaries)");
    }

    [Fact]
    public void Head_offsets_survive_the_cache_file()
    {
        var corpus = Corpus(heldOutEvery: 10);
        using var temp = new TempFolder("sd-corpus-");
        var path = temp.PathOf("corpus.bin");
        corpus.Save(path);
        var loaded = TokenCorpus.TryLoad(path, "test")!;
        Assert.Equal(corpus.Train, loaded.Train);
        Assert.Equal(corpus.HeldOut, loaded.HeldOut);
        Assert.Equal(corpus.TrainHeads, loaded.TrainHeads);
        Assert.Equal(corpus.HeldOutHeads, loaded.HeldOutHeads);
        Assert.NotEmpty(loaded.HeldOut);

        var raw = TokenCorpus.FromStreams([1, 2, 3], [4], "raw");
        raw.Save(path);
        Assert.False(TokenCorpus.TryLoad(path, "raw")!.HasTrees);
    }

    [Fact]
    public void Batches_on_the_training_rows_are_those_of_plain_training_plus_their_edges()
    {
        var corpus = Corpus();
        var packed = new PackedSequences(corpus.Train, Length, 101, 102, 0, corpus.TrainHeads);
        var masker = new MlmMasker(new MaskingConfig(), 30522, SpecialPieces.BertBaseUncased.Mask, SpecialPieces.BertBaseUncased.NeverMasked);
        var plainConfig = LabeledDataTests.Config(null) with { SequenceLength = Length, Model = LabeledDataTests.Config(null).Model with { MaxPositions = Length } };
        var rowsConfig = plainConfig with { Regularizer = RegularizerConfig.OnTrainingRows(SasVariant.SasMinus, 0.1) };
        var plain = new TrainingBatches(plainConfig, packed, masker, null, 0);
        var onRows = new TrainingBatches(rowsConfig, packed, masker, null, 0);
        Assert.Equal(0, onRows.LabeledRows);
        for (long step = 0; step < 3; step++)
        {
            using var a = plain.For(step);
            using var b = onRows.For(step);
            Assert.Null(a.Edges);
            Assert.Equal(a.InputIds.data<long>().ToArray(), b.InputIds.data<long>().ToArray());
            Assert.Equal(a.TargetIds.data<long>().ToArray(), b.TargetIds.data<long>().ToArray());
            Assert.True(b.Edges!.Count > 8 * 20, $"{b.Edges.Count} edges in 8 rows of {Length}");
        }
    }

    [Fact]
    public void A_training_rows_regularizer_without_trees_is_refused_and_its_config_names_no_labeled_rows()
    {
        var config = LabeledDataTests.Config(null) with { Regularizer = RegularizerConfig.OnTrainingRows(SasVariant.SasPlus, 0.1) };
        var masker = new MlmMasker(new MaskingConfig(), 30522, SpecialPieces.BertBaseUncased.Mask, SpecialPieces.BertBaseUncased.NeverMasked);
        var error = Assert.Throws<ArgumentException>(() => new TrainingBatches(config, LabeledDataTests.Raw(), masker, null, 0));
        Assert.Contains("--silver", error.Message);

        var json = JsonNode.Parse(JsonSerializer.Serialize(config.Regularizer, JsonFiles.Options))!.AsObject();
        Assert.Equal(["variant", "magnitude", "labelledShare", "treebank", "edges", "scale"], json.Select(p => p.Key));
        Assert.Equal(0, (double)json["labelledShare"]!);
        Assert.Null(json["treebank"]); // written as null: a missing key would read back as EWT train
        Assert.Equal("trainingRows", (string?)json["edges"]);
        Assert.Equal("perEdge", (string?)json["scale"]);
        // …so that the config reads back as written, and a run of it can be resumed from its config.json.
        var readBack = JsonSerializer.Deserialize<TrainingConfig>(JsonSerializer.Serialize(config, JsonFiles.Options), JsonFiles.Options)!;
        Assert.Empty(JsonFiles.Differences(config, readBack));
        Assert.Equal(config.Regularizer, readBack.Regularizer!.Validate(8));
        // A labelled-rows config is written exactly as before the new fields existed.
        var old = JsonNode.Parse(JsonSerializer.Serialize(new RegularizerConfig(SasVariant.SasMinus, 0.001), JsonFiles.Options))!.AsObject();
        Assert.Equal(["variant", "magnitude", "labelledShare", "treebank"], old.Select(p => p.Key));
        var older = JsonSerializer.Deserialize<RegularizerConfig>("""{"variant": "sas-", "magnitude": 0.001}""", JsonFiles.Options)!;
        Assert.Equal((0.25, RegularizerConfig.EwtTrain), (older.LabeledShare, older.Treebank)); // configs from before the keys
        Assert.Throws<ArgumentException>(() => (RegularizerConfig.OnTrainingRows(SasVariant.SasMinus, 0.1) with { LabeledShare = 0.25 }).Validate(8));
    }

    [Fact]
    public void Paragraph_ids_round_trip_and_bad_ids_are_named()
    {
        var sentences = ParagraphSentences.Read(["One sentence here. And another one.", "A second paragraph."]).ToList();
        Assert.Equal(["p1-1", "p1-2", "p2-1"], sentences.Select(s => s.Id));
        Assert.Equal("p1", ParagraphSentences.ParagraphOf("p1-2"));
        Assert.Equal("p12", ParagraphSentences.ParagraphOf("p12-30"));
        var error = Assert.Throws<FormatException>(() => ParagraphSentences.ParagraphOf("weblog-123"));
        Assert.Contains("weblog-123", error.Message);
    }
}
