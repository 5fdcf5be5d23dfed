using SuddenDrops.Data;
using SuddenDrops.Metrics;
using static SuddenDrops.Tests.Metrics.UasTestData;

namespace SuddenDrops.Tests.Metrics;

public class UasAccumulatorTests
{
    // w1 → w2, w2 = root, w3 → w4, w4 → w2 (1-based heads).
    private static readonly DependencySentence FourWords = Sentence([2, 0, 4, 2]);

    // Read dep2head, A attaches every non-root word correctly: row i peaks (0.5) at gold(i). [n, n]
    private static readonly float[] RowsPointToHeads =
    [
        0.1f, 0.5f, 0.1f, 0.1f,
        0.5f, 0.1f, 0.1f, 0.1f,
        0.1f, 0.1f, 0.1f, 0.5f,
        0.1f, 0.5f, 0.1f, 0.1f,
    ];

    // Read head2dep, B attaches every non-root word correctly: column i peaks (0.4) at row gold(i). [n, n]
    private static readonly float[] ColumnsComeFromHeads =
    [
        0.2f, 0.1f, 0.1f, 0.1f,
        0.4f, 0.2f, 0.1f, 0.4f,
        0.1f, 0.1f, 0.2f, 0.1f,
        0.1f, 0.1f, 0.4f, 0.2f,
    ];

    [Fact]
    public void Both_directions_are_scored_for_every_head_with_the_root_in_the_denominator()
    {
        var accumulator = new UasAccumulator(1, 2);
        accumulator.Add(FourWords, TrimmedWordAttention.FromWordMaps(1, 2, 4, [.. RowsPointToHeads, .. ColumnsComeFromHeads]));
        var report = accumulator.ToReport();

        // Hand-worked argmaxes (ties → lowest index): see the maps above.
        Assert.Equal([3L, 1L, 1L, 3L], report.Table.Select(s => s.Correct));
        Assert.Equal(
            [(0, 0, AttentionDirection.DependentToHead), (0, 0, AttentionDirection.HeadToDependent),
             (0, 1, AttentionDirection.DependentToHead), (0, 1, AttentionDirection.HeadToDependent)],
            report.Table.Select(s => (s.Layer, s.Head, s.Direction)));
        Assert.Equal(0.75, report.Table[0].Uas);
        Assert.Equal(1.0, report.Table[0].UasNonRoot);
        Assert.Equal(0.5, report.Table[0].Continuous!.Value, 6);               // A[i, gold(i)] = 0.5 for all 3 non-root words
        Assert.Equal((0.5 + 0.1 + 0.1) / 3, report.Table[1].Continuous!.Value, 6); // A[gold(i), i]
        Assert.Equal(0.1, report.Table[2].Continuous!.Value, 6);
        Assert.Equal(0.4, report.Table[3].Continuous!.Value, 6);

        // 3 of 4 words can be right at best: the root stays in the denominator. Ties go to the first cell.
        Assert.Equal((0, 0, AttentionDirection.DependentToHead, 0.75, 1.0, 4L, 3L),
            (report.Headline.Layer, report.Headline.Head, report.Headline.Direction, report.Headline.Uas,
             report.Headline.UasNonRoot, report.Headline.Words, report.Headline.NonRootWords));
    }

    [Fact]
    public void A_head_read_head_to_dependent_can_be_the_headline()
    {
        var accumulator = new UasAccumulator(1, 2);
        accumulator.Add(FourWords, TrimmedWordAttention.FromWordMaps(1, 2, 4, [.. ColumnsComeFromHeads, .. RowsPointToHeads]));
        var headline = accumulator.ToReport().Headline;

        Assert.Equal((0, 0, AttentionDirection.HeadToDependent, 0.75), (headline.Layer, headline.Head, headline.Direction, headline.Uas));
        Assert.Equal(0.4, headline.Continuous!.Value, 6);
    }

    [Fact]
    public void Implicit_parse_predicts_the_hand_worked_heads()
    {
        var attention = TrimmedWordAttention.FromWordMaps(1, 2, 4, [.. RowsPointToHeads, .. ColumnsComeFromHeads]);

        Assert.Equal([2, 1, 4, 2], ImplicitParse.PredictHeads(attention, 0, 0, AttentionDirection.DependentToHead));
        Assert.Equal([2, 1, 1, 3], ImplicitParse.PredictHeads(attention, 0, 0, AttentionDirection.HeadToDependent));
        Assert.Equal([2, 1, 1, 3], ImplicitParse.PredictHeads(attention, 0, 1, AttentionDirection.DependentToHead));
        Assert.Equal([2, 1, 4, 2], ImplicitParse.PredictHeads(attention, 0, 1, AttentionDirection.HeadToDependent));
    }

    [Fact]
    public void A_head_that_attends_to_itself_never_predicts_itself()
    {
        // Mostly self-attention (0.9), a little on the gold head (0.1); the root's 0.1 goes to w1.
        float[] selfish =
        [
            0.9f, 0.1f, 0.0f, 0.0f,
            0.1f, 0.9f, 0.0f, 0.0f,
            0.0f, 0.0f, 0.9f, 0.1f,
            0.0f, 0.1f, 0.0f, 0.9f,
        ];
        float[] identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
        var attention = TrimmedWordAttention.FromWordMaps(1, 2, 4, [.. selfish, .. identity]);

        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(0f, attention.At(0, 0, i, i)));
        Assert.Equal([2, 1, 4, 2], ImplicitParse.PredictHeads(attention, 0, 0, AttentionDirection.DependentToHead));
        // All-zero rows after zeroing: the lowest other word, never the word itself.
        Assert.Equal([2, 1, 1, 1], ImplicitParse.PredictHeads(attention, 0, 1, AttentionDirection.DependentToHead));
        Assert.Equal([2, 1, 1, 1], ImplicitParse.PredictHeads(attention, 0, 1, AttentionDirection.HeadToDependent));

        var accumulator = new UasAccumulator(1, 2);
        accumulator.Add(FourWords, attention);
        var table = accumulator.ToReport().Table;
        Assert.Equal(3, table[0].Correct);
        Assert.Equal(0.1, table[0].Continuous!.Value, 6);
        Assert.Equal(1, table[2].Correct); // only w1 → w2, by the lowest-index tie-break
    }

    [Fact]
    public void Special_tokens_are_dropped_before_reading_the_parse()
    {
        // Embed the trimmed maps into [n + 2, n + 2] maps whose [CLS]/[SEP] rows and columns would win every argmax.
        const int n = 4, size = n + 2;
        float[][] trimmed = [RowsPointToHeads, ColumnsComeFromHeads];
        var values = new float[2 * size * size];
        for (var h = 0; h < 2; h++)
        {
            var map = values.AsSpan(h * size * size, size * size);
            for (var u = 0; u < size; u++)
            {
                map[u * size] = 0.7f;            // to [CLS]
                map[u * size + size - 1] = 0.9f; // to [SEP]
            }
            for (var v = 1; v <= n; v++)
            {
                map[v] = 0.95f;                    // from [CLS]
                map[(size - 1) * size + v] = 0.95f; // from [SEP]
            }
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    map[(i + 1) * size + j + 1] = trimmed[h][i * n + j];
        }
        var withSpecials = new WordAttention(1, 2, n, values);

        var fromWords = new UasAccumulator(1, 2);
        fromWords.Add(FourWords, withSpecials);
        var fromTrimmed = new UasAccumulator(1, 2);
        fromTrimmed.Add(FourWords, withSpecials.Trim());

        Assert.Equal([3L, 1L, 1L, 3L], fromWords.ToReport().Table.Select(s => s.Correct));
        Assert.Equal(fromTrimmed.ToReport().ToJson(), fromWords.ToReport().ToJson());
        Assert.Equal(RowsPointToHeads.Select((v, k) => k % (n + 1) == 0 ? 0f : v), withSpecials.Trim().Map(0, 0).ToArray());
    }

    [Fact]
    public void A_one_word_sentence_counts_one_word_that_cannot_be_right()
    {
        var accumulator = new UasAccumulator(1, 1);
        accumulator.Add(Sentence([0]), TrimmedWordAttention.FromWordMaps(1, 1, 1, [1f]));
        var report = accumulator.ToReport();

        Assert.Equal((1L, 0L, 0.0, 0.0), (report.Words, report.NonRootWords, report.Headline.Uas, report.Headline.UasNonRoot));
        Assert.Null(report.Headline.Continuous);
        Assert.Equal([0], ImplicitParse.PredictHeads(TrimmedWordAttention.FromWordMaps(1, 1, 1, [1f]), 0, 0, AttentionDirection.DependentToHead));
    }

    [Fact]
    public void Relations_below_the_word_threshold_are_left_out_and_each_kept_one_gets_its_best_head()
    {
        DependencySentence[] sentences =
        [
            Sentence([2, 0, 2], ["nsubj", "root", "obj"]),
            Sentence([2, 0, 2], ["nsubj:pass", "root", "obj"]),
            Sentence([2, 0, 2, 2], ["nsubj", "root", "obj", "punct"]),
            Sentence([3, 3, 0], ["nsubj", "nsubj", "root"]),
        ];
        // Head 0 knows subjects (any subtype), head 1 knows objects.
        var accumulator = new UasAccumulator(1, 2, new UasOptions(MinRelationWords: 3));
        foreach (var sentence in sentences)
            accumulator.Add(sentence, Planted(sentence, 1, 2, (_, h, i) =>
            {
                var relation = DependencySentence.BaseRelation(sentence.Relations[i]);
                return h == 0 ? relation == "nsubj" : relation == "obj";
            }));
        var report = accumulator.ToReport();

        Assert.Equal(
            [("nsubj", true, 4L, 0), ("obj", true, 3L, 1), ("nsubj", false, 5L, 0), ("obj", false, 3L, 1)],
            report.PerRelation.Select(r => (r.Relation, r.WithSubtype, r.Words, r.Head)));
        Assert.All(report.PerRelation, r =>
        {
            Assert.Equal(AttentionDirection.DependentToHead, r.Direction);
            Assert.Equal(1.0, r.Uas);
            Assert.Equal(r.Words, r.Correct);
            Assert.Equal(0.5, r.Continuous, 6);
        });
        Assert.Equal(3, report.MinRelationWords);
        // Subjects outnumber objects, so head 0 is the headline: 5 of 13 words (4 roots among them).
        Assert.Equal((0, 5.0 / 13, 5.0 / 9), (report.Headline.Head, report.Headline.Uas, report.Headline.UasNonRoot));
    }

    [Fact]
    public void Counts_match_the_implicit_parse_on_random_maps()
    {
        var random = new Random(7);
        const int layers = 2, heads = 3;
        var accumulator = new UasAccumulator(layers, heads);
        var correct = new long[layers * heads * 2];
        var weight = new double[layers * heads * 2];
        long words = 0, nonRoot = 0;
        for (var s = 0; s < 40; s++)
        {
            var n = random.Next(1, 30);
            var gold = Enumerable.Range(0, n).Select(i => i == n / 2 ? 0 : OtherWord(random, n, i) + 1).ToArray();
            var sentence = Sentence(gold);
            // Coarse values so that ties happen and the tie-break is exercised too.
            var values = Enumerable.Range(0, layers * heads * (n + 2) * (n + 2)).Select(_ => random.Next(0, 5) / 4f).ToArray();
            var attention = new WordAttention(layers, heads, n, values);
            accumulator.Add(sentence, attention);

            var trimmed = attention.Trim();
            for (var cell = 0; cell < correct.Length; cell++)
            {
                var (l, h, direction) = (cell / 2 / heads, cell / 2 % heads, (AttentionDirection)(cell % 2));
                var predicted = ImplicitParse.PredictHeads(trimmed, l, h, direction);
                for (var i = 0; i < n; i++)
                {
                    if (gold[i] == 0) continue;
                    if (predicted[i] == gold[i]) correct[cell]++;
                    weight[cell] += direction == AttentionDirection.DependentToHead
                        ? trimmed.At(l, h, i, gold[i] - 1)
                        : trimmed.At(l, h, gold[i] - 1, i);
                }
            }
            words += n;
            nonRoot += n - 1;
        }
        var report = accumulator.ToReport();

        Assert.Equal((40, words, nonRoot), (report.SentencesUsed, report.Words, report.NonRootWords));
        Assert.Equal(correct, report.Table.Select(s => s.Correct));
        for (var cell = 0; cell < correct.Length; cell++)
            Assert.Equal(weight[cell] / nonRoot, report.Table[cell].Continuous!.Value, 9);
        Assert.Equal(correct.Max(), report.Table.Single(s =>
            (s.Layer, s.Head, s.Direction) == (report.Headline.Layer, report.Headline.Head, report.Headline.Direction)).Correct);
    }

    [Fact]
    public void Skipped_sentences_are_counted_apart_and_bad_input_is_rejected()
    {
        var accumulator = new UasAccumulator(1, 2);
        Assert.Throws<InvalidOperationException>(accumulator.ToReport);
        accumulator.AddSkipped(Sentence([0, 1]));
        accumulator.Add(FourWords, TrimmedWordAttention.FromWordMaps(1, 2, 4, [.. RowsPointToHeads, .. ColumnsComeFromHeads]));
        var report = accumulator.ToReport();
        Assert.Equal((1, 1, 4L), (report.SentencesUsed, report.SentencesSkipped, report.Words));

        var wrongShape = TrimmedWordAttention.FromWordMaps(1, 1, 4, RowsPointToHeads);
        Assert.Throws<ArgumentException>(() => accumulator.Add(FourWords, wrongShape));
        var selfHead = Assert.Throws<ArgumentException>(() =>
            new UasAccumulator(1, 1).Add(Sentence([0, 2], id: "s-7"), TrimmedWordAttention.FromWordMaps(1, 1, 2, new float[4])));
        Assert.Contains("s-7", selfHead.Message);
        Assert.Contains("word 2 has head 2", selfHead.Message);
    }

    private static int OtherWord(Random random, int n, int word)
    {
        if (n == 1) return 0;
        var other = random.Next(0, n - 1);
        return other >= word ? other + 1 : other;
    }
}
