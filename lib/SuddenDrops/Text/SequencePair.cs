namespace SuddenDrops.Text;

/// <summary>
/// A classifier input as BERT takes it (Devlin et al. 2019, §3): <c>[CLS] a [SEP]</c> for one sentence,
/// <c>[CLS] a [SEP] b [SEP]</c> for a pair, with token type 0 up to and including the first [SEP] and 1 after it.
/// </summary>
/// <param name="PieceIds">Piece ids, specials included. Length T.</param>
/// <param name="TokenTypes">Segment of each piece (0 or 1). Length T.</param>
/// <param name="Truncated">Pieces removed to fit the limit.</param>
public sealed record SequencePair(int[] PieceIds, int[] TokenTypes, int Truncated)
{
    public int Length => PieceIds.Length;
}
