namespace SuddenDrops.Text;

/// <summary>
/// A sentence given as words (e.g. treebank words), encoded as <c>[CLS] pieces [SEP]</c>,
/// with the span of word pieces that belongs to each word.
/// </summary>
/// <param name="PieceIds">All piece ids including the leading [CLS] and trailing [SEP]. Length T.</param>
/// <param name="WordStart">For each word, the index in <see cref="PieceIds"/> of its first piece (≥ 1).</param>
/// <param name="WordLength">For each word, how many pieces it has (≥ 1; a word the vocabulary cannot cover becomes one [UNK]).</param>
public sealed record PieceAlignment(int[] PieceIds, int[] WordStart, int[] WordLength)
{
    public int WordCount => WordStart.Length;
    public int PieceCount => PieceIds.Length;

    /// <summary>For each piece position, the 0-based index of its word; -1 for [CLS] and [SEP]. Length T.</summary>
    public int[] WordOfPiece()
    {
        var owner = new int[PieceIds.Length];
        Array.Fill(owner, -1);
        for (var w = 0; w < WordStart.Length; w++)
            owner.AsSpan(WordStart[w], WordLength[w]).Fill(w);
        return owner;
    }
}
