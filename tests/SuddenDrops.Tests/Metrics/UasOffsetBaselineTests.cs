using SuddenDrops.Metrics;
using static SuddenDrops.Tests.Metrics.UasTestData;

namespace SuddenDrops.Tests.Metrics;

public class UasOffsetBaselineTests
{
    [Fact]
    public void Plus_one_on_a_right_branching_chain_gets_every_non_root_word()
    {
        // w1 → w2 → w3 → w4 → w5, w5 = root. The root stays in the denominator of Uas, so +1 gets exactly 4/5 there
        // and exactly 100 % over the non-root words.
        var counter = new OffsetBaselineCounter();
        counter.Add(Sentence([2, 3, 4, 5, 0]));
        var scores = counter.Scores();

        Assert.Equal([-3, -2, -1, 1, 2], scores.Select(s => s.Offset));
        Assert.Equal([0L, 0L, 0L, 4L, 0L], scores.Select(s => s.Correct));
        var best = OffsetBaselineCounter.Best(scores);
        Assert.Equal((1, 0.8, 1.0), (best.Offset, best.Uas, best.UasNonRoot));
    }

    [Fact]
    public void Minus_one_wins_on_a_left_branching_chain_and_heads_outside_the_sentence_are_wrong()
    {
        var counter = new OffsetBaselineCounter();
        counter.Add(Sentence([0, 1, 2, 3]));   // each word's head is the word before it
        counter.Add(Sentence([0, 1, 1]));      // w3 → w1: offset −2
        var scores = counter.Scores();

        Assert.Equal([0L, 1L, 4L, 0L, 0L], scores.Select(s => s.Correct));
        Assert.Equal((7L, 5L), (counter.Words, counter.NonRootWords));
        var best = OffsetBaselineCounter.Best(scores);
        Assert.Equal((-1, 4.0 / 7, 4.0 / 5), (best.Offset, best.Uas, best.UasNonRoot));
    }

    [Fact]
    public void The_uas_report_carries_the_baselines_of_the_sentences_it_scored()
    {
        var chain = Sentence([2, 3, 4, 5, 0]);
        var accumulator = new UasAccumulator(1, 1);
        accumulator.Add(chain, Planted(chain, 1, 1, (_, _, _) => true));
        accumulator.AddSkipped(Sentence([0, 1, 2, 3])); // not scored: no effect on the baselines
        var report = accumulator.ToReport();

        Assert.Equal((1, 0.8, 1.0), (report.BestOffset.Offset, report.BestOffset.Uas, report.BestOffset.UasNonRoot));
        Assert.Equal([0L, 0L, 0L, 4L, 0L], report.OffsetBaselines.Select(s => s.Correct));
        Assert.Equal((0.8, 1.0), (report.Headline.Uas, report.Headline.UasNonRoot));
    }
}
