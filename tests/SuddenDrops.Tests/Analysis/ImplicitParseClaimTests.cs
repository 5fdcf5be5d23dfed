using SuddenDrops.Analysis;
using SuddenDrops.Metrics;

namespace SuddenDrops.Tests.Analysis;

/// <summary>Notebook 01's closing verdict: best head against best offset, overall and per relation.</summary>
public class ImplicitParseClaimTests
{
    private static RelationAttachment Relation(string name, double uas, int offset, double offsetUas) =>
        new(name, 200, 0, 1, AttentionDirection.HeadToDependent, uas, uas, offset, offsetUas);

    private static ImplicitParseClaim Claim(double headUas, double offsetUas, long words = 10_000) => new(
        "run-s0, step 1,000",
        new UasHeadline(0, 1, AttentionDirection.HeadToDependent, headUas, headUas, 0.2, words, words - 500),
        new OffsetBaselineScore(1, (long)(offsetUas * words), offsetUas, offsetUas),
        500,
        [Relation("amod", 0.760, 1, 0.742), Relation("nsubj", 0.30, 2, 0.35), Relation("det", 0.90, 1, 0.90)]);

    [Fact]
    public void Margins_are_head_minus_offset_and_a_relation_beats_its_offset_only_when_strictly_above_it()
    {
        var claim = Claim(0.40, 0.30);

        Assert.Equal(0.10, claim.Margin, 12);
        Assert.Equal(0.018, claim.Relations[0].Margin, 12);
        Assert.Equal([true, false, false], claim.Relations.Select(r => r.BeatsOffset));
        Assert.Equal(1, claim.RelationsAboveOffset);
        Assert.Equal(2 * Math.Sqrt(0.3 * 0.7 / 10_000), claim.Yardstick, 12);
    }

    [Fact]
    public void The_verdict_follows_the_margin_against_two_standard_errors()
    {
        Assert.Equal(ImplicitParseClaim.Outcome.AboveOffset, Claim(0.40, 0.30).Result);
        Assert.Equal(ImplicitParseClaim.Outcome.TiesOffset, Claim(0.287, 0.287).Result);
        Assert.Equal(ImplicitParseClaim.Outcome.TiesOffset, Claim(0.295, 0.287).Result); // 0.008 < 2·√(0.287·0.713/10,000) ≈ 0.009
        Assert.Equal(ImplicitParseClaim.Outcome.BelowOffset, Claim(0.20, 0.287).Result);

        Assert.Contains("**Verdict: reproduced at this checkpoint.**", Claim(0.40, 0.30).Section());
        var tie = Claim(0.287, 0.287).Section();
        Assert.Contains("**Verdict: not shown at this checkpoint.**", tie);
        Assert.Contains("a margin of 0.000", tie);
        Assert.Contains("in 1 of 3 relations", tie);
        Assert.Contains("largest margin: amod, +0.018; smallest: nsubj, -0.050", tie);
        Assert.Contains("**Verdict: not reproduced at this checkpoint.**", Claim(0.20, 0.287).Section());
    }

    [Fact]
    public void The_relation_table_has_the_offset_and_margin_columns_and_the_all_row_is_left_out()
    {
        var report = new UasReport(1, 2, 500, 0, 10_000, 9_500, 100,
            new UasHeadline(0, 1, AttentionDirection.HeadToDependent, 0.4, 0.42, 0.2, 10_000, 9_500), [], [],
            [new OffsetBaselineScore(1, 3_000, 0.3, 0.32)], new OffsetBaselineScore(1, 3_000, 0.3, 0.32));
        var claim = ImplicitParseClaim.Of("run-s0", report,
            [new RelationAttachment(RelationAttachment.All, 9_500, 0, 1, AttentionDirection.HeadToDependent, 0.42, 0.42, 1, 0.32), Relation("amod", 0.760, 1, 0.742)]);

        var table = claim.RelationTable().Render().Split('\n');

        Assert.Equal("| relation | words | best head | head UAS | best offset k | offset UAS | margin | head beats offset |", table[0]);
        Assert.Equal("| amod | 200 | 0-1-head2dep | 0.760 | +1 | 0.742 | +0.018 | yes |", table[2]);
        Assert.Equal(4, table.Length); // header, rule, amod, and the final newline
    }

    [Fact]
    public void Checkpoints_side_by_side_give_one_row_each_with_the_margin_and_its_reading()
    {
        var table = ImplicitParseClaim.Comparison([Claim(0.12, 0.287) with { Checkpoint = "plateau" }, Claim(0.40, 0.30)]).Render();

        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length); // header, rule, two rows
        Assert.StartsWith("| plateau | 0-1-head2dep | 0.120 |", lines[2]);
        Assert.Contains("| +1: 0.287 | -0.167 | below (±0.009) | 1 of 3 |", lines[2]);
        Assert.Contains("| 0.400 |", lines[3]);
        Assert.Contains("| +0.100 | above (±0.009) | 1 of 3 |", lines[3]);
    }
}
