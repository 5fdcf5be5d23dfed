using SuddenDrops.Text;

namespace SuddenDrops.Metrics;

/// <summary>
/// Attention of every (layer, head) for one sentence, merged from word pieces to words, with [CLS] and [SEP]
/// kept as single-piece "words" at both ends: unit 0 = [CLS], units 1…n = the sentence's words, unit n + 1 = [SEP].
/// Values are <c>[L, H, n + 2, n + 2]</c>, row-major, rows = attention FROM a unit, columns = attention TO a unit.
/// </summary>
/// <remarks>
/// Merging follows Clark et al. (2019) as used by the probe code of Chen et al. (2024): attention TO a word is the
/// SUM over its pieces (so each row still sums to 1), attention FROM a word is the MEAN over its pieces.
/// This is the form <c>sdrops attention</c> dumps; <see cref="Trim"/> gives the maps the implicit parse reads.
/// </remarks>
public sealed class WordAttention
{
    /// <param name="layers">L.</param>
    /// <param name="heads">H, heads per layer.</param>
    /// <param name="wordCount">n, words of the sentence (without [CLS]/[SEP]).</param>
    /// <param name="values">[L, H, n + 2, n + 2], row-major; kept, not copied.</param>
    public WordAttention(int layers, int heads, int wordCount, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(wordCount);
        ArgumentNullException.ThrowIfNull(values);
        var size = wordCount + 2;
        if (values.Length != (long)layers * heads * size * size)
            throw new ArgumentException(
                $"Word attention needs L·H·(n+2)² = {layers}·{heads}·{size}² = {(long)layers * heads * size * size} values, got {values.Length}.",
                nameof(values));
        Layers = layers;
        Heads = heads;
        WordCount = wordCount;
        Values = values;
    }

    public int Layers { get; }
    public int Heads { get; }

    /// <summary>n, the sentence's words without [CLS] and [SEP].</summary>
    public int WordCount { get; }

    /// <summary>n + 2: side of each map, [CLS] and [SEP] included.</summary>
    public int Size => WordCount + 2;

    /// <summary>[L, H, n + 2, n + 2], row-major.</summary>
    public float[] Values { get; }

    /// <summary>The map of one head: [n + 2, n + 2], rows = from, columns = to.</summary>
    public ReadOnlySpan<float> Map(int layer, int head) =>
        Values.AsSpan(MapOffset(layer, head), Size * Size);

    /// <summary>Attention from unit <paramref name="from"/> to unit <paramref name="to"/> (0 = [CLS], n + 1 = [SEP]).</summary>
    public float At(int layer, int head, int from, int to) =>
        Values[MapOffset(layer, head) + from * Size + to];

    /// <summary>
    /// Merges piece-level attention of one sentence to word level.
    /// </summary>
    /// <param name="pieceAttention">[L, H, T, T], row-major, T = <see cref="PieceAlignment.PieceCount"/>; rows = from, columns = to.</param>
    /// <param name="layers">L.</param>
    /// <param name="heads">H.</param>
    /// <param name="alignment">Which pieces make each word; pieces 1…T−2 must be covered by the words in order.</param>
    public static WordAttention FromPieces(ReadOnlySpan<float> pieceAttention, int layers, int heads, PieceAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        var pieces = alignment.PieceCount;
        if (pieceAttention.Length != (long)layers * heads * pieces * pieces)
            throw new ArgumentException(
                $"Piece attention needs L·H·T² = {layers}·{heads}·{pieces}² = {(long)layers * heads * pieces * pieces} values, got {pieceAttention.Length}.",
                nameof(pieceAttention));
        var (unitStart, unitLength) = Units(alignment);
        var size = unitStart.Length;
        var values = new float[layers * heads * size * size];
        var toUnit = new float[pieces * size]; // [T, n + 2]: attention from each piece to each unit
        for (var map = 0; map < layers * heads; map++)
        {
            var source = pieceAttention.Slice(map * pieces * pieces, pieces * pieces);
            SumColumnsPerUnit(source, pieces, unitStart, unitLength, toUnit);
            MeanRowsPerUnit(toUnit, unitStart, unitLength, values.AsSpan(map * size * size, size * size));
        }
        return new WordAttention(layers, heads, alignment.WordCount, values);
    }

    /// <summary>
    /// The maps the implicit parse reads: [CLS] and [SEP] rows and columns dropped, diagonal set to zero,
    /// no renormalisation (rows then sum to less than 1).
    /// </summary>
    public TrimmedWordAttention Trim()
    {
        var n = WordCount;
        var size = Size;
        var trimmed = new float[Layers * Heads * n * n];
        for (var map = 0; map < Layers * Heads; map++)
        {
            var source = Values.AsSpan(map * size * size, size * size);
            var target = trimmed.AsSpan(map * n * n, n * n);
            for (var i = 0; i < n; i++)
            {
                source.Slice((i + 1) * size + 1, n).CopyTo(target.Slice(i * n, n));
                target[i * n + i] = 0f;
            }
        }
        return TrimmedWordAttention.FromZeroedDiagonal(Layers, Heads, n, trimmed);
    }

    private int MapOffset(int layer, int head)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, Layers);
        ArgumentOutOfRangeException.ThrowIfNegative(head);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(head, Heads);
        return (layer * Heads + head) * Size * Size;
    }

    /// <summary>First piece and piece count of each unit: [CLS], the words, [SEP].</summary>
    private static (int[] Start, int[] Length) Units(PieceAlignment alignment)
    {
        var n = alignment.WordCount;
        var pieces = alignment.PieceCount;
        if (alignment.WordLength.Length != n)
            throw new ArgumentException($"Alignment has {n} word starts but {alignment.WordLength.Length} word lengths.", nameof(alignment));
        var start = new int[n + 2];
        var length = new int[n + 2];
        start[0] = 0;
        length[0] = 1;
        var expected = 1;
        for (var w = 0; w < n; w++)
        {
            if (alignment.WordStart[w] != expected || alignment.WordLength[w] < 1)
                throw new ArgumentException(
                    $"Alignment word {w} starts at piece {alignment.WordStart[w]} with {alignment.WordLength[w]} pieces; expected start {expected} and ≥ 1 piece (words must cover pieces 1…T−2 in order).",
                    nameof(alignment));
            start[w + 1] = expected;
            length[w + 1] = alignment.WordLength[w];
            expected += alignment.WordLength[w];
        }
        if (expected != pieces - 1)
            throw new ArgumentException(
                $"Alignment words end at piece {expected} but [SEP] is piece {pieces - 1} of {pieces}.", nameof(alignment));
        start[n + 1] = pieces - 1;
        length[n + 1] = 1;
        return (start, length);
    }

    // toUnit[p, u] = Σ_{q ∈ u} A[p, q]   (attention TO a word = sum over its pieces)
    private static void SumColumnsPerUnit(ReadOnlySpan<float> source, int pieces, int[] unitStart, int[] unitLength, float[] toUnit)
    {
        var size = unitStart.Length;
        for (var p = 0; p < pieces; p++)
        {
            var row = source.Slice(p * pieces, pieces);
            for (var u = 0; u < size; u++)
            {
                var sum = 0f;
                var end = unitStart[u] + unitLength[u];
                for (var q = unitStart[u]; q < end; q++) sum += row[q];
                toUnit[p * size + u] = sum;
            }
        }
    }

    // target[u, v] = mean_{p ∈ u} toUnit[p, v]   (attention FROM a word = mean over its pieces)
    private static void MeanRowsPerUnit(float[] toUnit, int[] unitStart, int[] unitLength, Span<float> target)
    {
        var size = unitStart.Length;
        for (var u = 0; u < size; u++)
        {
            var row = target.Slice(u * size, size);
            row.Clear();
            var end = unitStart[u] + unitLength[u];
            for (var p = unitStart[u]; p < end; p++)
            {
                var source = toUnit.AsSpan(p * size, size);
                for (var v = 0; v < size; v++) row[v] += source[v];
            }
            if (unitLength[u] > 1)
            {
                var scale = 1f / unitLength[u];
                for (var v = 0; v < size; v++) row[v] *= scale;
            }
        }
    }
}
