using SuddenDrops.Data;

namespace SuddenDrops.Metrics;

/// <summary>Gold heads of a sentence as 0-based word indices, checked for use by the implicit-parse scores.</summary>
internal static class GoldHeads
{
    /// <summary>Marks a root word (gold head 0 in the treebank).</summary>
    public const int Root = -1;

    /// <summary>Fills <paramref name="gold"/> (length n) with each word's head as a 0-based index, <see cref="Root"/> for the root.</summary>
    public static void Fill(DependencySentence sentence, Span<int> gold)
    {
        var n = sentence.Count;
        if (sentence.Heads.Count != n || sentence.Relations.Count != n)
            throw new ArgumentException(
                $"Sentence {sentence.Id}: {n} words but {sentence.Heads.Count} heads and {sentence.Relations.Count} relations.",
                nameof(sentence));
        for (var i = 0; i < n; i++)
        {
            var head = sentence.Heads[i];
            if (head < 0 || head > n || head == i + 1)
                throw new ArgumentException(
                    $"Sentence {sentence.Id}: word {i + 1} has head {head}; expected 0 (root) or another word in 1…{n}.",
                    nameof(sentence));
            gold[i] = head - 1;
        }
    }
}
