using SuddenDrops.Metrics;

namespace SuddenDrops.Tests.Metrics;

public class BreakthroughnessTests
{
    [Fact]
    public void OneJumpAmongSmallStepsScoresHigh()
    {
        // y = [0, 0.1, 0.2, 1.2, 1.3]: diffs 0.1, 0.1, 1.0, 0.1; squares 0.01, 0.01, 1, 0.01, median 0.01, R = 0.1;
        // max 1.3 at 4 after min 0 at 0: I = +1.3; B = 1.3 / 0.1 = 13
        Assert.Equal(13, Breakthroughness.Compute([0, 0.1, 0.2, 1.2, 1.3]), 10);
    }

    [Fact]
    public void EvenStepsScoreTheirNumber()
    {
        // y = [0, 1, 2, 3]: R = 1, I = 3, B = 3 = n − 1
        Assert.Equal(3, Breakthroughness.Compute([0, 1, 2, 3]), 12);
        // decreasing: the max comes before the min, I = −3
        Assert.Equal(-3, Breakthroughness.Compute([3, 2, 1, 0]), 12);
    }

    [Fact]
    public void RoughnessIsTheRootMedianSquareChange()
    {
        // diffs 2, −1, 3, 0.5 → squares 4, 1, 9, 0.25 → median (1 + 4)/2 = 2.5 → R = √2.5
        Assert.Equal(Math.Sqrt(2.5), Breakthroughness.Roughness([0, 2, 1, 4, 4.5]), 12);
        // I: max 4.5 at 4, min 0 at 0 → +4.5
        Assert.Equal(4.5, Breakthroughness.Improvement([0, 2, 1, 4, 4.5]), 12);
    }

    [Fact]
    public void DegenerateSeries()
    {
        Assert.Equal(0, Breakthroughness.Compute([2, 2, 2]));
        // a single step among flat ones: median change 0, so B is infinite
        Assert.Equal(double.PositiveInfinity, Breakthroughness.Compute([0, 0, 0, 1, 1]));
        Assert.Throws<ArgumentException>(() => Breakthroughness.Compute([1]));
    }
}
