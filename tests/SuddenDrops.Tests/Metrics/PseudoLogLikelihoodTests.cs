using SuddenDrops.Metrics;
using SuddenDrops.Model;
using SuddenDrops.Tests.Text;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Metrics;

public class PseudoLogLikelihoodTests
{
    private static readonly string[] Sentences =
    [
        "The cat sat on the mat.",
        "Who should Derek hug after shocking Richard?",
        "",
        "Tracy's senators haven't returned to these universities.",
        "Is it?",
    ];

    /// <summary>A tiny random model over the real bert-base-uncased vocabulary (30,522 pieces).</summary>
    internal static MaskedLanguageModel TinyModel(int seed = 0)
    {
        manual_seed(seed);
        var model = new MaskedLanguageModel(new BertConfig(TextTestData.Encoder.Vocabulary.Count, Layers: 2, Hidden: 32, Heads: 4, Intermediate: 64, MaxPositions: 64));
        model.eval();
        return model;
    }

    /// <summary>PLL by definition: each piece masked on its own, one forward pass per copy, full softmax over the vocabulary.</summary>
    private static double OneByOne(MaskedLanguageModel model, int[] pieces)
    {
        var vocabulary = TextTestData.Encoder.Vocabulary;
        double total = 0;
        for (var i = 0; i < pieces.Length; i++)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var ids = new long[] { vocabulary.Cls }.Concat(pieces.Select(p => (long)p)).Append(vocabulary.Sep).ToArray();
            ids[i + 1] = vocabulary.Mask;
            var input = tensor(ids, [1, ids.Length]);
            using var output = model.Encode(input, ones_like(input));
            var logProbs = nn.functional.log_softmax(model.PredictAt(output.Hidden, tensor(new long[] { i + 1 })), 1); // [1, V]
            total += logProbs[0, pieces[i]].item<float>();
        }
        return total;
    }

    [Fact]
    public void The_pll_of_a_sentence_is_the_sum_of_its_masked_log_probabilities_one_by_one()
    {
        using var model = TinyModel();
        var pieces = TextTestData.Encoder.Encode("Who should Derek hug after shocking Richard?");
        Assert.True(pieces.Length >= 8);
        var batched = new PseudoLogLikelihood(TextTestData.Encoder.Vocabulary).Score(model, [pieces], CPU)[0];
        var expected = OneByOne(model, pieces);
        Assert.Equal(expected, batched, 3);
        Assert.True(expected < -5 * pieces.Length, $"a random model should be near log(1/V) ≈ -10.3 per piece, got {expected / pieces.Length:F2}");
    }

    [Fact]
    public void Batching_gives_the_same_scores_as_scoring_each_sentence_alone()
    {
        using var model = TinyModel(seed: 3);
        var sentences = Sentences.Select(TextTestData.Encoder.Encode).ToArray();
        var alone = sentences.Select(s => new PseudoLogLikelihood(TextTestData.Encoder.Vocabulary).Score(model, [s], CPU)[0]).ToArray();
        var oneBatch = new PseudoLogLikelihood(TextTestData.Encoder.Vocabulary, tokenBudget: 1 << 20).Score(model, sentences, CPU);
        var manyBatches = new PseudoLogLikelihood(TextTestData.Encoder.Vocabulary, tokenBudget: 40).Score(model, sentences, CPU);
        for (var i = 0; i < sentences.Length; i++)
        {
            Assert.Equal(alone[i], oneBatch[i], 3);
            Assert.Equal(alone[i], manyBatches[i], 3);
            Assert.Equal(OneByOne(model, sentences[i]), alone[i], 3);
        }
        Assert.Equal(0.0, alone[2]); // the empty sentence
    }

    [Fact]
    public void Scoring_leaves_a_training_model_in_training_mode_and_ignores_dropout()
    {
        using var model = TinyModel(seed: 4);
        var pieces = TextTestData.Encoder.Encode("The cat sat on the mat.");
        var scorer = new PseudoLogLikelihood(TextTestData.Encoder.Vocabulary);
        var evalScore = scorer.Score(model, [pieces], CPU)[0];
        model.train();
        var again = scorer.Score(model, [pieces], CPU)[0];
        Assert.True(model.training);
        Assert.Equal(evalScore, again, 5);
    }

    [Fact]
    public void A_sentence_longer_than_the_model_positions_is_refused()
    {
        using var model = TinyModel();
        var tooLong = Enumerable.Repeat(TextTestData.Encoder.Encode("cat")[0], 63).ToArray();
        var e = Assert.Throws<ArgumentException>(() => new PseudoLogLikelihood(TextTestData.Encoder.Vocabulary).Score(model, [tooLong], CPU));
        Assert.Contains("63 pieces", e.Message);
    }
}
