namespace SuddenDrops.Text;

/// <summary>
/// A vocabulary cut down from <paramref name="Original"/> by <see cref="VocabularyPruner"/>.
/// Id layout: the kept pieces in their original order, re-numbered from 0; for bert-base-uncased
/// (whose [unusedN] pieces are dropped) this gives [PAD]=0, [UNK]=1, [CLS]=2, [SEP]=3, [MASK]=4.
/// Always use <see cref="WordPieceVocabulary.Pad"/> etc. rather than fixed numbers.
/// </summary>
/// <param name="Original">The vocabulary pruned from.</param>
/// <param name="Vocabulary">The pruned vocabulary.</param>
/// <param name="NewToOld">For each new id, the original id of the same piece.</param>
/// <param name="OldToNew">
/// For each original id, the new ids that spell the same piece: one id for a kept piece; for a dropped piece
/// the greedy longest-match WordPiece split of its text over the pruned vocabulary (a <c>##</c> piece is split
/// as a continuation); [UNK] for a dropped bracketed piece ("[unused5]") or one with a character the pruned
/// vocabulary lacks. Re-encoding text with the pruned vocabulary is the exact route; mapping ids encoded with
/// the original may split a word differently (greedy match over a different vocabulary).
/// </param>
/// <param name="Counts">Corpus count of each original piece (index = original id), as counted for the pruning.</param>
public sealed record PrunedVocabulary(
    WordPieceVocabulary Original,
    WordPieceVocabulary Vocabulary,
    int[] NewToOld,
    int[][] OldToNew,
    long[] Counts)
{
    /// <summary>Writes the pruned vocab.txt atomically (see <see cref="WordPieceVocabulary.Save"/>).</summary>
    public void Save(string path) => Vocabulary.Save(path);

    /// <summary>Maps ids encoded with the original vocabulary to new ids, piece by piece (see <see cref="OldToNew"/>).</summary>
    public List<int> MapIds(IEnumerable<int> originalIds)
    {
        var mapped = new List<int>();
        foreach (var id in originalIds) mapped.AddRange(OldToNew[id]);
        return mapped;
    }
}
