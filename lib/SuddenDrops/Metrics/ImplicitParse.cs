namespace SuddenDrops.Metrics;

/// <summary>
/// The parse one attention head implies (Clark et al. 2019, §4.2; Chen et al. 2024, §2.1), for inspection and plots.
/// <see cref="UasAccumulator"/> scores the same rule without materialising the heads.
/// </summary>
public static class ImplicitParse
{
    /// <summary>
    /// Predicted head of every word, 1-based like <see cref="SuddenDrops.Data.DependencySentence.Heads"/>.
    /// dep2head: argmax_{j≠i} A[i, j]; head2dep: argmax_{j≠i} A[j, i]; ties go to the lowest j.
    /// A word is never its own head; a one-word sentence gets 0 (no prediction).
    /// </summary>
    public static int[] PredictHeads(TrimmedWordAttention attention, int layer, int head, AttentionDirection direction)
    {
        ArgumentNullException.ThrowIfNull(attention);
        var map = attention.Map(layer, head); // [n, n]
        var n = attention.WordCount;
        var heads = new int[n];
        for (var i = 0; i < n; i++)
        {
            var best = -1;
            var bestValue = float.NegativeInfinity;
            for (var j = 0; j < n; j++)
            {
                if (j == i) continue;
                var value = direction == AttentionDirection.DependentToHead ? map[i * n + j] : map[j * n + i];
                if (value > bestValue) { bestValue = value; best = j; }
            }
            heads[i] = best + 1;
        }
        return heads;
    }
}
