using SuddenDrops.Data;
using SuddenDrops.Experiments;
using SuddenDrops.Model;
using SuddenDrops.Text;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Experiments;

public class GlueFineTuningTests
{
    private static readonly string[] Nouns = ["cat", "dog", "house", "river", "teacher", "car", "garden", "book", "city", "song"];
    private static readonly string[] Verbs = ["saw", "liked", "found", "painted", "visited", "heard"];

    /// <summary>Sentences whose label is carried by one word: "good" (1) or "bad" (0), anywhere in the sentence.</summary>
    private static List<GlueExample> Separable(int count, int seed, bool pairs = false)
    {
        var random = new Random(seed);
        var examples = new List<GlueExample>(count);
        for (var i = 0; i < count; i++)
        {
            var label = random.Next(2);
            var words = new List<string> { "the", Nouns[random.Next(Nouns.Length)], Verbs[random.Next(Verbs.Length)], "a", Nouns[random.Next(Nouns.Length)] };
            words.Insert(random.Next(words.Count + 1), label == 1 ? "good" : "bad");
            var text = string.Join(' ', words);
            examples.Add(pairs
                ? new GlueExample($"the {Nouns[random.Next(Nouns.Length)]} {Verbs[random.Next(Verbs.Length)]} it", text, label)
                : new GlueExample(text, null, label));
        }
        return examples;
    }

    private static readonly string[] Levels = ["zero", "one", "two", "three", "four", "five"];

    /// <summary>The five specials and every word of these tasks: a 40-piece vocabulary keeps each update to milliseconds.</summary>
    private static readonly WordPieceEncoder Encoder = new(WordPieceVocabulary.FromPieces(
        ((string[])["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "a", "it", "good", "bad"]).Concat(Nouns).Concat(Verbs).Concat(Levels), "glue-test"));

    private static MaskedLanguageModel TinyModel()
    {
        manual_seed(0);
        return new MaskedLanguageModel(new BertConfig(Encoder.Vocabulary.Count, Layers: 2, Hidden: 32, Heads: 4, Intermediate: 64, MaxPositions: 32));
    }

    private static readonly GlueFineTuningConfig Fast = new(LearningRate: 2e-3, Epochs: 4, BatchSize: 16, Seed: 1);

    [Fact]
    public void Fine_tuning_learns_a_separable_single_sentence_task()
    {
        using var model = TinyModel();
        var result = GlueFineTuning.Run(model, Encoder, GlueTask.Sst2, Separable(320, seed: 1), Separable(100, seed: 2), Fast, 32, CPU);
        Assert.Equal(1.0, result.Metrics["accuracy"], 2);
        Assert.Equal(80, result.Steps);
        Assert.True(result.EpochLosses[^1] < result.EpochLosses[0] / 3, string.Join(", ", result.EpochLosses));
        Assert.InRange(result.MajorityBaseline, 0.35, 0.65);
    }

    [Fact]
    public void Fine_tuning_reads_the_second_segment_of_a_pair_task()
    {
        using var model = TinyModel();
        var result = GlueFineTuning.Run(model, Encoder, GlueTask.Mrpc, Separable(320, seed: 3, pairs: true), Separable(100, seed: 4, pairs: true), Fast, 32, CPU);
        Assert.True(result.Metrics["accuracy"] >= 0.97, $"accuracy {result.Metrics["accuracy"]}");
        Assert.True(result.Metrics["f1"] >= 0.97, $"F1 {result.Metrics["f1"]}");
        Assert.Equal((result.Metrics["accuracy"] + result.Metrics["f1"]) / 2, result.Score, 12);
    }

    [Fact]
    public void Regression_learns_a_score_carried_by_a_word()
    {
        var random = new Random(5);
        List<GlueExample> Make(int n) => Enumerable.Range(0, n).Select(_ =>
        {
            var score = random.Next(6);
            return new GlueExample($"the {Nouns[random.Next(Nouns.Length)]}", $"{Levels[score]} {Nouns[random.Next(Nouns.Length)]}", score);
        }).ToList();
        using var model = TinyModel();
        var result = GlueFineTuning.Run(model, Encoder, GlueTask.StsB, Make(400), Make(100), Fast with { Epochs = 6 }, 32, CPU);
        Assert.True(result.Metrics["pearson"] > 0.9, $"Pearson {result.Metrics["pearson"]}");
        Assert.True(result.Metrics["spearman"] > 0.9, $"Spearman {result.Metrics["spearman"]}");
    }

    [Fact]
    public void Max_train_takes_a_seeded_subset_and_max_pieces_is_capped_by_the_pretraining_length()
    {
        using var model = TinyModel();
        var result = GlueFineTuning.Run(model, Encoder, GlueTask.Sst2, Separable(200, seed: 6), Separable(20, seed: 7),
            Fast with { MaxTrain = 48, Epochs = 1 }, 32, CPU);
        Assert.Equal(200, result.TrainAvailable);
        Assert.Equal(48, result.TrainUsed);
        Assert.Equal(3, result.Steps);
        Assert.Equal(64, new GlueFineTuningConfig().EffectiveMaxPieces(64));
        Assert.Equal(128, new GlueFineTuningConfig().EffectiveMaxPieces(512));
    }
}
