using SuddenDrops.Data;
using SuddenDrops.Text;

namespace SuddenDrops.Training;

/// <summary>
/// A treebank sentence ready to train on: <c>[CLS] pieces [SEP]</c> with its gold edges in token positions.
/// <para>A word stands for its <b>first piece</b>: BERT's own convention for word-level tasks (Devlin et al. 2019, §5.3,
/// the first sub-token represents the word), one term of R per gold edge whatever the word's length (a sum over pieces
/// would weight long words more, a mean would dilute the max), and the piece that carries the word's start, which in
/// the pruned vocabularies is the whole word for most words.</para>
/// </summary>
/// <param name="PieceIds">[CLS] … [SEP]; length T ≤ the sequence length.</param>
/// <param name="Dependents">Token position of each non-root word's first piece.</param>
/// <param name="Heads">Token position of the first piece of that word's gold head.</param>
public sealed record LabeledSentence(int[] PieceIds, int[] Dependents, int[] Heads)
{
    public int EdgeCount => Dependents.Length;

    /// <summary>The edges of <paramref name="sentence"/> (root skipped) at the first pieces of <paramref name="alignment"/>.</summary>
    public static LabeledSentence From(DependencySentence sentence, PieceAlignment alignment)
    {
        if (sentence.Count != alignment.WordCount)
            throw new ArgumentException($"Sentence {sentence.Id} has {sentence.Count} words but its alignment {alignment.WordCount}.");
        var dependents = new List<int>(sentence.Count);
        var heads = new List<int>(sentence.Count);
        for (var w = 0; w < sentence.Count; w++)
        {
            var head = sentence.Heads[w]; // 1-based, 0 = root
            if (head == 0) continue;
            dependents.Add(alignment.WordStart[w]);
            heads.Add(alignment.WordStart[head - 1]);
        }
        return new LabeledSentence(alignment.PieceIds, [.. dependents], [.. heads]);
    }
}
