namespace SuddenDrops.Metrics;

/// <summary>The compact "layer-head-direction" name of a head used in metrics.csv and summaries, e.g. "3-0-head2dep" (0-based).</summary>
public static class HeadLabel
{
    public static string Of(int layer, int head, AttentionDirection direction) =>
        $"{layer}-{head}-{(direction == AttentionDirection.DependentToHead ? "dep2head" : "head2dep")}";
}
