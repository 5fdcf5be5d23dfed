using SuddenDrops.Metrics;
using static SuddenDrops.Tests.Metrics.UasTestData;

namespace SuddenDrops.Tests.Metrics;

public class RelationAttachmentTests
{
    // w1 -det-> w2 (root) <-obj- w3 <-nmod:poss- w4 (1-based heads; offsets +1, −1, −1).
    private static readonly SuddenDrops.Data.DependencySentence Sentence4 =
        Sentence([2, 0, 2, 3], ["det", "root", "obj", "nmod:poss"]);

    // Head 0: rows peak at w2 for w1 and w3 (right), at w1 for w4 (wrong). [n, n]
    private static readonly float[] HeadZero =
    [
        0.0f, 0.7f, 0.1f, 0.1f,
        0.7f, 0.0f, 0.1f, 0.1f,
        0.1f, 0.7f, 0.0f, 0.1f,
        0.7f, 0.1f, 0.1f, 0.0f,
    ];

    // Head 1: rows peak at w4 for w1 and w3 (wrong), at w3 for w4 (right). [n, n]
    private static readonly float[] HeadOne =
    [
        0.0f, 0.1f, 0.1f, 0.7f,
        0.1f, 0.0f, 0.1f, 0.7f,
        0.1f, 0.1f, 0.0f, 0.7f,
        0.1f, 0.1f, 0.7f, 0.0f,
    ];

    private static IReadOnlyList<RelationAttachment> Attachments(int top)
    {
        var accumulator = new UasAccumulator(1, 2, new UasOptions(MinRelationWords: 1));
        accumulator.Add(Sentence4, TrimmedWordAttention.FromWordMaps(1, 2, 4, [.. HeadZero, .. HeadOne]));
        return accumulator.RelationAttachments(top);
    }

    [Fact]
    public void Each_relation_gets_its_own_best_head_the_overall_heads_score_and_its_offset_baseline()
    {
        // Hand-worked (ties → lowest layer, head, dep2head): correct words per cell are
        // 0-0-dep2head {det, obj}, 0-0-head2dep {det}, 0-1-dep2head {nmod}, 0-1-head2dep {det}; overall best 0-0-dep2head.
        var rows = Attachments(top: 15);

        Assert.Equal(["all", "det", "nmod", "obj"], rows.Select(r => r.Relation)); // 1 word each: by name; nmod:poss → nmod
        var all = rows[0];
        Assert.Equal((3L, "0-0-dep2head", 2.0 / 3, 2.0 / 3, -1, 2.0 / 3),
            (all.Words, all.HeadName, all.Uas, all.OverallUas, all.BaselineOffset, all.BaselineUas));
        Assert.Equal(("0-0-dep2head", 1.0, 1.0, 1, 1.0), Row(rows, "det"));
        Assert.Equal(("0-0-dep2head", 1.0, 1.0, -1, 1.0), Row(rows, "obj"));
        Assert.Equal(("0-1-dep2head", 1.0, 0.0, -1, 1.0), Row(rows, "nmod")); // its own head is right, the overall head wrong
    }

    [Fact]
    public void Only_the_most_frequent_relations_are_kept_after_all()
    {
        Assert.Equal(["all", "det", "nmod"], Attachments(top: 2).Select(r => r.Relation));
        Assert.Equal(["all"], Attachments(top: 0).Select(r => r.Relation));
    }

    [Fact]
    public void Relations_below_the_word_threshold_are_left_out_but_all_stays()
    {
        var accumulator = new UasAccumulator(1, 2, new UasOptions(MinRelationWords: 2));
        accumulator.Add(Sentence4, TrimmedWordAttention.FromWordMaps(1, 2, 4, [.. HeadZero, .. HeadOne]));
        Assert.Equal(["all"], accumulator.RelationAttachments(15).Select(r => r.Relation));
    }

    [Fact]
    public void The_per_relation_views_agree_with_the_report_on_real_treebank_counts()
    {
        // The same accumulator feeds the UAS report: "all" is its headline over non-root words, and each relation's best
        // head and UAS are the report's base-relation entries.
        var sentences = ReadConllu(EwtDev).Take(200).ToList();
        var accumulator = new UasAccumulator(1, 1, new UasOptions(MinRelationWords: 50));
        foreach (var s in sentences)
        {
            // one head that attends to the next word: exactly the +1 offset parser read dep2head
            var n = s.Count;
            var map = new float[n * n];
            for (var i = 0; i + 1 < n; i++) map[i * n + i + 1] = 1;
            accumulator.Add(s, TrimmedWordAttention.FromWordMaps(1, 1, n, map));
        }
        var report = accumulator.ToReport();
        var rows = accumulator.RelationAttachments(15);
        Assert.Equal(report.Headline.UasNonRoot, rows[0].Uas, 12);
        Assert.Equal(report.Headline.NonRootWords, rows[0].Words);
        foreach (var row in rows.Skip(1))
        {
            var entry = report.PerRelation.Single(r => !r.WithSubtype && r.Relation == row.Relation);
            Assert.Equal((entry.Words, entry.Uas, HeadLabel.Of(entry.Layer, entry.Head, entry.Direction)), (row.Words, row.Uas, row.HeadName));
            Assert.True(row.OverallUas <= row.Uas);
            // the baseline, counted here directly from the gold heads: the best offset k in −3…+2 for the relation's words
            var offsets = sentences.SelectMany(s => Enumerable.Range(0, s.Count)
                    .Where(i => s.Heads[i] != 0 && SuddenDrops.Data.DependencySentence.BaseRelation(s.Relations[i]) == row.Relation)
                    .Select(i => s.Heads[i] - 1 - i)).ToList();
            var best = new[] { -3, -2, -1, 1, 2 }.Max(k => offsets.Count(o => o == k));
            Assert.Equal((double)best / row.Words, row.BaselineUas, 12);
            Assert.Equal(best, offsets.Count(o => o == row.BaselineOffset));
        }
        Assert.Contains(rows, r => r.Relation == "det" && r.BaselineOffset == 1);
    }

    private static (string, double, double, int, double) Row(IReadOnlyList<RelationAttachment> rows, string relation)
    {
        var r = rows.Single(x => x.Relation == relation);
        return (r.HeadName, r.Uas, r.OverallUas, r.BaselineOffset, r.BaselineUas);
    }
}
