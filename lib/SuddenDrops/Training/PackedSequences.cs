namespace SuddenDrops.Training;

/// <summary>
/// Cuts a piece stream into fixed-length sequences <c>[CLS] w₁ … w_{T−2} [SEP]</c>, each window taking the next
/// T − 2 pieces of the stream (paragraph boundaries are the [SEP] pieces inside it, as in the reference run).
/// The last, partial window is padded and its padding masked.
/// </summary>
public sealed class PackedSequences(int[] stream, int length, int clsId, int sepId, int padId)
{
    private readonly int window = length - 2;

    public int Length => length;
    public int Count => (stream.Length + window - 1) / window;

    /// <summary>Writes sequence <paramref name="index"/> into row <paramref name="row"/> of [B, T] buffers.</summary>
    public void Fill(int index, int row, int[] ids, bool[] isReal)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), $"Sequence {index} of {Count}.");
        int o = row * length;
        int start = index * window;
        int n = Math.Min(window, stream.Length - start);
        ids[o] = clsId;
        stream.AsSpan(start, n).CopyTo(ids.AsSpan(o + 1, n));
        ids[o + 1 + n] = sepId;
        isReal.AsSpan(o, n + 2).Fill(true);
        for (int t = n + 2; t < length; t++)
        {
            ids[o + t] = padId;
            isReal[o + t] = false;
        }
    }
}
