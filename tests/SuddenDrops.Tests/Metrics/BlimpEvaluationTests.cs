using SuddenDrops.Data;
using SuddenDrops.Metrics;
using SuddenDrops.Tests.Text;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Metrics;

public class BlimpEvaluationTests
{
    private static BlimpPair Pair(string uid, string term, string field, string id, string good = "a b", string bad = "b a") =>
        new(good, bad, field, term, uid, id);

    private static List<BlimpPair> Paradigms(params string[] uids) =>
        uids.SelectMany(uid => BlimpReader.ReadFile(SharedData.PathOf($"blimp/data/{uid}.jsonl"))).ToList();

    [Fact]
    public void Accuracy_is_kept_per_paradigm_term_and_field_and_ties_count_as_wrong()
    {
        // three paradigms of unequal size: the mean over paradigms differs from the pooled pair accuracy
        BlimpPair[] pairs =
        [
            Pair("p1", "agreement", "morphology", "0"), Pair("p1", "agreement", "morphology", "1"),
            Pair("p1", "agreement", "morphology", "2"), Pair("p1", "agreement", "morphology", "3"),
            Pair("p2", "agreement", "syntax", "0"), Pair("p2", "agreement", "syntax", "1"),
            Pair("p3", "islands", "syntax/semantics", "0"), Pair("p3", "islands", "syntax/semantics", "1"),
        ];
        double[] good = [-1, -2, -3, -4, /**/ -5, -6, /**/ -7, -8];
        double[] bad = [-2, -1, -3, -9, /**/ -9, -9, /**/ -7, -1];
        // p1: right, wrong, tie, right → 2/4, 1 tie; p2: 2/2; p3: tie, wrong → 0/2, 1 tie
        var report = BlimpEvaluation.Summarize(pairs, good, bad, seconds: 2);

        Assert.Equal(8, report.Pairs);
        Assert.Equal(3, report.Paradigms);
        Assert.Equal(2, report.Ties);
        Assert.Equal(4.0 / 8, report.PairAccuracy, 12);
        Assert.Equal((0.5 + 1.0 + 0.0) / 3, report.MeanOverParadigms, 12);
        Assert.Equal(4.0, report.PairsPerSecond, 12);
        Assert.Equal(["p1", "p2", "p3"], report.ByParadigm.Select(p => p.Uid));
        Assert.Equal(new BlimpParadigmScore("p1", "morphology", "agreement", 4, 2, 1, 0.5), report.ByParadigm[0]);
        Assert.Equal(new BlimpParadigmScore("p3", "syntax_semantics", "islands", 2, 0, 1, 0.0), report.ByParadigm[2]);

        Assert.Equal(new BlimpGroupScore("agreement", 2, 6, 4, 0.75), report.ByTerm[0]); // mean of 0.5 and 1.0, not 4/6
        Assert.Equal(new BlimpGroupScore("islands", 1, 2, 0, 0.0), report.ByTerm[1]);
        Assert.Equal(["morphology", "syntax", "syntax_semantics"], report.ByField.Select(f => f.Name));
        Assert.Equal(1.0, report.ByField[1].Accuracy);
    }

    [Fact]
    public void Scores_and_pairs_must_match_in_number()
    {
        Assert.Throws<ArgumentException>(() => BlimpEvaluation.Summarize([Pair("p", "t", "f", "0")], [1.0, 2.0], [0.0], 1));
    }

    [Fact]
    public void Real_pairs_are_scored_by_the_pll_of_each_sentence_and_identical_sentences_tie()
    {
        var all = Paradigms("anaphor_gender_agreement", "wh_island", "passive_1");
        var sample = BlimpSample.Select(all, 3, seed: 0).ToList();
        var degenerate = all.First(p => p.IsDegenerate); // passive_1 pair 324: both sentences the same
        Assert.Equal(("passive_1", "324"), (degenerate.Uid, degenerate.PairId));
        sample.Add(degenerate);
        using var model = PseudoLogLikelihoodTests.TinyModel(seed: 5);
        var evaluation = new BlimpEvaluation(sample, TextTestData.Encoder, tokenBudget: 256);
        var report = evaluation.Evaluate(model, CPU);

        var scorer = new PseudoLogLikelihood(TextTestData.Encoder.Vocabulary);
        var good = sample.Select(p => scorer.Score(model, [TextTestData.Encoder.Encode(p.SentenceGood)], CPU)[0]).ToArray();
        var bad = sample.Select(p => scorer.Score(model, [TextTestData.Encoder.Encode(p.SentenceBad)], CPU)[0]).ToArray();
        var expected = BlimpEvaluation.Summarize(sample, good, bad, seconds: 1);

        Assert.Equal(10, report.Pairs);
        Assert.Equal(3, report.Paradigms);
        Assert.Equal(expected.ByParadigm, report.ByParadigm);
        Assert.Equal(expected.MeanOverParadigms, report.MeanOverParadigms, 12);
        Assert.True(report.Ties >= 1);
        Assert.Equal(4, report.ByParadigm.Single(p => p.Uid == "passive_1").Pairs);
        Assert.True(report.PairsPerSecond > 0);
    }

    [Fact]
    public void The_probe_reports_the_mean_over_paradigms_and_each_field()
    {
        var sample = BlimpSample.Select(Paradigms("anaphor_gender_agreement", "wh_island", "principle_A_case_2"), 2, seed: 1);
        using var model = PseudoLogLikelihoodTests.TinyModel(seed: 6);
        var columns = new BlimpProbe(new BlimpEvaluation(sample, TextTestData.Encoder), CPU).Measure(model, step: 0);
        Assert.Equal(["blimp", "blimp_morphology", "blimp_syntax", "blimp_syntax_semantics"], columns.Keys);
        Assert.All(columns.Values, v => Assert.InRange((double)v!, 0, 1));
    }
}
