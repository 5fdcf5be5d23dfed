namespace SuddenDrops.Training;

/// <summary>
/// Cuts a piece stream into fixed-length sequences <c>[CLS] w₁ … w_{T−2} [SEP]</c>, each window taking the next
/// T − 2 pieces of the stream (paragraph boundaries are the [SEP] pieces inside it, as in the reference run).
/// The last, partial window is padded and its padding masked. With the stream's head offsets
/// (<see cref="TokenCorpus.TrainHeads"/>), <see cref="Edges"/> gives the dependency edges inside a sequence.
/// </summary>
public sealed class PackedSequences(int[] stream, int length, int clsId, int sepId, int padId, int[]? heads = null)
{
    private readonly int window = length - 2;

    public int Length => length;
    public int Count => (stream.Length + window - 1) / window;

    /// <summary>Whether the stream carries trees (head offsets).</summary>
    public bool HasTrees => heads is not null;

    /// <summary>Writes sequence <paramref name="index"/> into row <paramref name="row"/> of [B, T] buffers.</summary>
    public void Fill(int index, int row, int[] ids, bool[] isReal)
    {
        var (start, n) = Window(index);
        int o = row * length;
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

    /// <summary>
    /// Appends the edges of sequence <paramref name="index"/>, placed in batch row <paramref name="row"/>, as token positions
    /// in the row (the stream's piece k of the window sits at position k + 1, after [CLS]): one (dependent, head) pair per word
    /// whose head is in the same window. Edges to a head outside the window, and root words, give none.
    /// </summary>
    public void Edges(int index, int row, List<long> rows, List<long> dependents, List<long> headPositions)
    {
        if (heads is null) throw new InvalidOperationException("This stream has no trees: build the corpus from parsed text (--silver).");
        var (start, n) = Window(index);
        for (int k = 0; k < n; k++)
        {
            int offset = heads[start + k];
            if (offset == 0) continue;
            int h = k + offset;
            if ((uint)h >= (uint)n) continue; // the head word lies in another sequence
            rows.Add(row);
            dependents.Add(k + 1);
            headPositions.Add(h + 1);
        }
    }

    private (int Start, int Count) Window(int index)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), $"Sequence {index} of {Count}.");
        int start = index * window;
        return (start, Math.Min(window, stream.Length - start));
    }
}
