using SuddenDrops.Data;

namespace SuddenDrops.Analysis;

/// <summary>
/// UAS worked through on one sentence (Chen et al. 2024, §2.1): each word's predicted head against its gold head.
/// The sentence's UAS is the share of words whose prediction is right; root words count in the denominator and are never right.
/// </summary>
public static class ParseComparison
{
    /// <summary>Word-by-word comparison of 1-based <paramref name="predictedHeads"/> (0 = none) with the gold tree.</summary>
    public static IReadOnlyList<WordParse> Compare(DependencySentence sentence, IReadOnlyList<int> predictedHeads)
    {
        if (predictedHeads.Count != sentence.Count)
            throw new ArgumentException($"Sentence {sentence.Id} has {sentence.Count} words but {predictedHeads.Count} predicted heads were given.");
        return
        [
            .. Enumerable.Range(0, sentence.Count).Select(i => new WordParse(
                i + 1, sentence.Words[i], sentence.Relations[i],
                sentence.Heads[i], WordAt(sentence, sentence.Heads[i], "ROOT"),
                predictedHeads[i], WordAt(sentence, predictedHeads[i], "—"),
                sentence.Heads[i] > 0 && predictedHeads[i] == sentence.Heads[i])),
        ];
    }

    /// <summary>Share of correct words (root words included, never right).</summary>
    public static double Uas(IReadOnlyList<WordParse> words) => words.Count == 0 ? 0 : (double)words.Count(w => w.Correct) / words.Count;

    /// <summary>
    /// Heads of the fixed-offset parser "the head of word i is word i + <paramref name="offset"/>" (Clark et al. 2019, §4.2),
    /// 1-based; 0 where that falls outside the sentence.
    /// </summary>
    public static int[] OffsetHeads(int wordCount, int offset) =>
        [.. Enumerable.Range(1, wordCount).Select(position => position + offset is var head && head >= 1 && head <= wordCount ? head : 0)];

    private static string WordAt(DependencySentence sentence, int position, string none) =>
        position >= 1 && position <= sentence.Count ? sentence.Words[position - 1] : none;
}
