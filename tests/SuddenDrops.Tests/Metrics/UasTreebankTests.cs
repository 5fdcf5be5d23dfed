using System.Diagnostics;
using SuddenDrops.Data;
using SuddenDrops.Metrics;
using SuddenDrops.Text;
using Xunit.Abstractions;

namespace SuddenDrops.Tests.Metrics;

/// <summary>The UAS core on the real EWT dev set (shared data), without a model.</summary>
public class UasTreebankTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<DependencySentence>> Dev = new(() => UasTestData.ReadConllu(UasTestData.EwtDev));

    [Fact]
    public void Offset_baselines_on_ewt_dev_favor_an_adjacent_word()
    {
        var dev = Dev.Value;
        var counter = new OffsetBaselineCounter();
        foreach (var sentence in dev) counter.Add(sentence);
        var scores = counter.Scores();
        var best = OffsetBaselineCounter.Best(scores);
        foreach (var score in scores)
            output.WriteLine($"EWT dev, {dev.Count} sentences, {counter.Words} words: offset {score.Offset:+0;-0} uas {score.Uas:F4} (non-root {score.UasNonRoot:F4}, {score.Correct} correct)");

        Assert.Equal(2001, dev.Count);
        Assert.InRange(counter.Words, 25_000, 25_300);
        Assert.Contains(best.Offset, new[] { -1, 1 });
        Assert.InRange(best.Uas, 0.2, 0.4);
        Assert.All(scores.Where(s => Math.Abs(s.Offset) > 1), s => Assert.True(s.Uas < best.Uas / 2, $"offset {s.Offset}: {s.Uas}"));

        // The reference run (the paper's probe set): first 400 dev sentences of at most 40 words.
        var subset = new OffsetBaselineCounter();
        foreach (var sentence in dev.Where(s => s.Count <= 40).Take(400)) subset.Add(sentence);
        var subsetBest = OffsetBaselineCounter.Best(subset.Scores());
        output.WriteLine($"first 400 dev sentences ≤ 40 words, {subset.Words} words: best offset {subsetBest.Offset:+0;-0} uas {subsetBest.Uas:F4} (non-root {subsetBest.UasNonRoot:F4})");
        Assert.Equal(1, subsetBest.Offset);
        Assert.Equal(0.286, Math.Round(subsetBest.Uas, 3)); // the reference value, root words in the denominator
    }

    [Fact]
    public void Whole_dev_set_with_a_planted_syntactic_head_is_found_and_scored_fast()
    {
        const int layers = 2, heads = 4, plantedLayer = 1, plantedHead = 2;
        var dev = Dev.Value;
        var random = new Random(2024);
        var accumulator = new UasAccumulator(layers, heads);
        var merging = new Stopwatch();
        var scoring = new Stopwatch();
        foreach (var sentence in dev)
        {
            var alignment = RandomAlignment(sentence.Count, random);
            var pieces = PieceAttention(sentence, alignment, layers, heads, plantedLayer, plantedHead, random);
            merging.Start();
            var words = WordAttention.FromPieces(pieces, layers, heads, alignment);
            merging.Stop();
            scoring.Start();
            accumulator.Add(sentence, words);
            scoring.Stop();
        }
        scoring.Start();
        var report = accumulator.ToReport();
        scoring.Stop();
        output.WriteLine($"{dev.Count} sentences, {report.Words} words, {layers}×{heads} heads: merge pieces→words {merging.Elapsed.TotalMilliseconds:F1} ms, UAS accumulation + report {scoring.Elapsed.TotalMilliseconds:F1} ms");
        output.WriteLine($"headline: layer {report.Headline.Layer} head {report.Headline.Head} {report.Headline.Direction} uas {report.Headline.Uas:F4} non-root {report.Headline.UasNonRoot:F4} continuous {report.Headline.Continuous:F4}; {report.PerRelation.Count} relation entries");

        Assert.Equal((plantedLayer, plantedHead, AttentionDirection.DependentToHead), (report.Headline.Layer, report.Headline.Head, report.Headline.Direction));
        Assert.Equal(1.0, report.Headline.UasNonRoot);
        Assert.Equal((double)report.NonRootWords / report.Words, report.Headline.Uas);
        Assert.Equal(report.Words - dev.Count, report.NonRootWords); // one root per EWT sentence
        Assert.All(report.PerRelation, r => Assert.Equal((plantedLayer, plantedHead, 1.0), (r.Layer, r.Head, r.Uas)));
        Assert.Contains(report.PerRelation, r => r is { Relation: "nsubj", WithSubtype: true });
        Assert.Contains(report.PerRelation, r => r is { Relation: "obl", WithSubtype: false });
        Assert.All(report.PerRelation, r => Assert.True(r.Words >= 100));
        Assert.All(report.Table.Where(s => (s.Layer, s.Head) != (plantedLayer, plantedHead)), s => Assert.InRange(s.Uas, 0.0, 0.3));
        Assert.True((merging.Elapsed + scoring.Elapsed).TotalSeconds < 1.0, $"merge {merging.Elapsed}, scoring {scoring.Elapsed}");
    }

    /// <summary>1–3 pieces per word.</summary>
    private static PieceAlignment RandomAlignment(int wordCount, Random random)
    {
        var start = new int[wordCount];
        var length = new int[wordCount];
        var next = 1;
        for (var w = 0; w < wordCount; w++)
        {
            start[w] = next;
            length[w] = random.Next(1, 4);
            next += length[w];
        }
        return new PieceAlignment(new int[next + 1], start, length);
    }

    /// <summary>[L, H, T, T] random in [0, 1); the planted head adds 5 on every piece of the gold head (≥ 5 after
    /// summing over pieces, while any other word sums to &lt; 3).</summary>
    private static float[] PieceAttention(
        DependencySentence sentence, PieceAlignment alignment, int layers, int heads, int plantedLayer, int plantedHead, Random random)
    {
        var t = alignment.PieceCount;
        var values = new float[layers * heads * t * t];
        for (var k = 0; k < values.Length; k++) values[k] = random.NextSingle();
        var planted = (plantedLayer * heads + plantedHead) * t * t;
        for (var i = 0; i < sentence.Count; i++)
        {
            var gold = sentence.Heads[i] - 1;
            if (gold < 0) continue;
            for (var p = alignment.WordStart[i]; p < alignment.WordStart[i] + alignment.WordLength[i]; p++)
                for (var q = alignment.WordStart[gold]; q < alignment.WordStart[gold] + alignment.WordLength[gold]; q++)
                    values[planted + p * t + q] += 5f;
        }
        return values;
    }
}
