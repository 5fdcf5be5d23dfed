namespace SuddenDrops.Metrics;

/// <summary>
/// Word-to-word attention of one sentence as the implicit parse reads it: [CLS]/[SEP] dropped, diagonal zero,
/// not renormalised. Values are <c>[L, H, n, n]</c>, row-major, rows = from, columns = to.
/// Usually made by <see cref="WordAttention.Trim"/>.
/// </summary>
public sealed class TrimmedWordAttention
{
    private TrimmedWordAttention(int layers, int heads, int wordCount, float[] values)
    {
        Layers = layers;
        Heads = heads;
        WordCount = wordCount;
        Values = values;
    }

    public int Layers { get; }
    public int Heads { get; }
    public int WordCount { get; }

    /// <summary>[L, H, n, n], row-major, diagonal zero.</summary>
    public float[] Values { get; }

    /// <summary>The map of one head: [n, n].</summary>
    public ReadOnlySpan<float> Map(int layer, int head)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, Layers);
        ArgumentOutOfRangeException.ThrowIfNegative(head);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(head, Heads);
        return Values.AsSpan((layer * Heads + head) * WordCount * WordCount, WordCount * WordCount);
    }

    /// <summary>Attention from word <paramref name="from"/> to word <paramref name="to"/> (0-based words).</summary>
    public float At(int layer, int head, int from, int to) => Map(layer, head)[from * WordCount + to];

    /// <summary>
    /// Builds trimmed maps from word-to-word attention given without special tokens
    /// (e.g. hand-built maps); copies <paramref name="values"/> and zeroes the copy's diagonal.
    /// </summary>
    /// <param name="layers">L.</param>
    /// <param name="heads">H.</param>
    /// <param name="wordCount">n.</param>
    /// <param name="values">[L, H, n, n], row-major.</param>
    public static TrimmedWordAttention FromWordMaps(int layers, int heads, int wordCount, ReadOnlySpan<float> values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(wordCount);
        if (values.Length != (long)layers * heads * wordCount * wordCount)
            throw new ArgumentException(
                $"Word maps need L·H·n² = {layers}·{heads}·{wordCount}² = {(long)layers * heads * wordCount * wordCount} values, got {values.Length}.",
                nameof(values));
        var copy = values.ToArray();
        for (var map = 0; map < layers * heads; map++)
            for (var i = 0; i < wordCount; i++)
                copy[(map * wordCount + i) * wordCount + i] = 0f;
        return new TrimmedWordAttention(layers, heads, wordCount, copy);
    }

    /// <summary>Takes ownership of maps whose diagonal is already zero (used by <see cref="WordAttention.Trim"/>).</summary>
    internal static TrimmedWordAttention FromZeroedDiagonal(int layers, int heads, int wordCount, float[] values) =>
        new(layers, heads, wordCount, values);
}
