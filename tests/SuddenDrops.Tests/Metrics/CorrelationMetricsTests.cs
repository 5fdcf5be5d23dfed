using SuddenDrops.Metrics;

namespace SuddenDrops.Tests.Metrics;

public class CorrelationMetricsTests
{
    private static readonly double[] X = [1, 2, 3, 4, 5];
    private static readonly double[] Y = [2, 4, 5, 4, 5];

    [Fact]
    public void PearsonByHand()
    {
        // x̄ = 3, ȳ = 4; dx = [−2, −1, 0, 1, 2], dy = [−2, 0, 1, 0, 1]
        // Σdx·dy = 4 + 0 + 0 + 0 + 2 = 6; Σdx² = 10; Σdy² = 6; r = 6 / √60
        Assert.Equal(6 / Math.Sqrt(60), CorrelationMetrics.Pearson(X, Y), 12);
        Assert.Equal(-1, CorrelationMetrics.Pearson(X, X.Select(x => 7 - 2 * x).ToArray()), 12);
    }

    [Fact]
    public void AverageRanksForTies()
    {
        // sorted y: 2 (rank 1), 4, 4 (ranks 2, 3 → 2.5), 5, 5 (ranks 4, 5 → 4.5)
        Assert.Equal([1, 2.5, 4.5, 2.5, 4.5], CorrelationMetrics.AverageRanks(Y));
        Assert.Equal([2, 2, 2], CorrelationMetrics.AverageRanks([7, 7, 7]));
    }

    [Fact]
    public void SpearmanWithTiesByHand()
    {
        // ranks x = [1..5], y = [1, 2.5, 4.5, 2.5, 4.5]; both mean 3
        // d_ry = [−2, −0.5, 1.5, −0.5, 1.5]; Σdx·d_ry = 4 + 0.5 + 0 − 0.5 + 3 = 7; Σd_ry² = 9; ρ = 7 / √(10·9)
        Assert.Equal(7 / Math.Sqrt(90), CorrelationMetrics.Spearman(X, Y), 12);
    }

    [Fact]
    public void SpearmanSeesOnlyOrder()
    {
        double[] cubes = [1, 8, 27, 64, 125];
        Assert.Equal(1, CorrelationMetrics.Spearman(X, cubes), 12);
        Assert.True(CorrelationMetrics.Pearson(X, cubes) < 0.99);
    }

    [Fact]
    public void ConstantSeriesHaveNoCorrelation()
    {
        Assert.True(double.IsNaN(CorrelationMetrics.Pearson(X, [3, 3, 3, 3, 3])));
        Assert.True(double.IsNaN(CorrelationMetrics.Spearman(X, [3, 3, 3, 3, 3])));
        Assert.Throws<ArgumentException>(() => CorrelationMetrics.Pearson([1], [1]));
        Assert.Throws<ArgumentException>(() => CorrelationMetrics.Pearson([1, 2], [1, 2, 3]));
    }
}
