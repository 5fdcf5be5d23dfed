using SuddenDrops.Data;

namespace SuddenDrops.Metrics;

/// <summary>
/// Streams sentences and counts how often "head of word i = word i + k" is right, for the fixed offsets of
/// Clark et al. (2019) used as baselines for the implicit parse (Chen et al. 2024, §2.1).
/// </summary>
public sealed class OffsetBaselineCounter
{
    /// <summary>The offsets k scored: −3, −2, −1, +1, +2.</summary>
    public static IReadOnlyList<int> Offsets { get; } = [-3, -2, -1, 1, 2];

    private readonly long[] _correct = new long[Offsets.Count];

    public long Words { get; private set; }
    public long NonRootWords { get; private set; }

    public void Add(DependencySentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        Span<int> gold = sentence.Count <= 256 ? stackalloc int[sentence.Count] : new int[sentence.Count];
        GoldHeads.Fill(sentence, gold);
        Add(gold);
    }

    /// <summary>Counts one sentence given its gold heads (0-based, <see cref="GoldHeads.Root"/> for the root).</summary>
    internal void Add(ReadOnlySpan<int> gold)
    {
        for (var i = 0; i < gold.Length; i++)
        {
            if (gold[i] == GoldHeads.Root) continue;
            NonRootWords++;
            var offset = gold[i] - i;
            for (var k = 0; k < _correct.Length; k++)
                if (Offsets[k] == offset) _correct[k]++;
        }
        Words += gold.Length;
    }

    /// <summary>One score per offset, in the order of <see cref="Offsets"/>.</summary>
    public IReadOnlyList<OffsetBaselineScore> Scores()
    {
        var scores = new OffsetBaselineScore[Offsets.Count];
        for (var k = 0; k < scores.Length; k++)
            scores[k] = new OffsetBaselineScore(Offsets[k], _correct[k], Ratio(_correct[k], Words), Ratio(_correct[k], NonRootWords));
        return scores;
    }

    /// <summary>The offset with the highest UAS (ties: the first in <see cref="Offsets"/>).</summary>
    public static OffsetBaselineScore Best(IReadOnlyList<OffsetBaselineScore> scores)
    {
        ArgumentOutOfRangeException.ThrowIfZero(scores.Count);
        var best = scores[0];
        foreach (var score in scores)
            if (score.Correct > best.Correct) best = score;
        return best;
    }

    private static double Ratio(long part, long whole) => whole == 0 ? 0.0 : (double)part / whole;
}
