namespace SuddenDrops.Metrics;

/// <summary>Median-based location and scale, shared by the onset and breakthroughness computations.</summary>
internal static class RobustStatistics
{
    /// <summary>Scale factor that makes the MAD a consistent estimate of σ for Gaussian data.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>Median (mean of the two middle values for an even count); the input is not modified.</summary>
    public static double Median(double[] values)
    {
        if (values.Length == 0)
            throw new ArgumentException("Median of no values");
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
