namespace SuddenDrops.Metrics;

/// <summary>
/// Correlations of two equally long series (GLUE's STS-B metrics; also handy to compare metric curves).
/// Both return NaN when a series is constant (the correlation is undefined), as SciPy does.
/// </summary>
public static class CorrelationMetrics
{
    /// <summary>Pearson's r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² · Σ(y−ȳ)²).</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckLengths(x, y);
        double meanX = 0, meanY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= x.Count;
        meanY /= y.Count;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Spearman's ρ: Pearson's r of the ranks, tied values sharing the average of their ranks.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckLengths(x, y);
        return Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>1-based ranks; a group of tied values gets the mean of the ranks it spans ([10, 20, 20, 30] → [1, 2.5, 2.5, 4]).</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        if (values.Any(double.IsNaN))
            throw new ArgumentException("Cannot rank NaN values");
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
                end++;
            var averageRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
                ranks[order[k]] = averageRank;
            start = end + 1;
        }
        return ranks;
    }

    private static void CheckLengths(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
            throw new ArgumentException($"Series of different lengths: {x.Count} and {y.Count}");
        if (x.Count < 2)
            throw new ArgumentException("A correlation needs at least two points");
    }
}
