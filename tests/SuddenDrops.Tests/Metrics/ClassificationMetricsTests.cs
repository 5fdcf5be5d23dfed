using SuddenDrops.Metrics;

namespace SuddenDrops.Tests.Metrics;

public class ClassificationMetricsTests
{
    // predicted [1, 0, 1, 1, 0] against gold [1, 0, 0, 1, 1]:
    // pairs (p, g) = (1,1) TP, (0,0) TN, (1,0) FP, (1,1) TP, (0,1) FN → TP 2, TN 1, FP 1, FN 1
    private static readonly int[] Predicted = [1, 0, 1, 1, 0];
    private static readonly int[] Gold = [1, 0, 0, 1, 1];

    [Fact]
    public void AccuracyCountsMatches()
    {
        // positions 0, 1, 3 match: 3 / 5
        Assert.Equal(0.6, ClassificationMetrics.Accuracy(Predicted, Gold), 12);
        // any number of classes
        Assert.Equal(0.5, ClassificationMetrics.Accuracy([0, 1, 2, 2], [0, 2, 2, 1]), 12);
    }

    [Fact]
    public void ConfusionCounts()
    {
        Assert.Equal((2.0, 1.0, 1.0, 1.0), ClassificationMetrics.Confusion(Predicted, Gold));
    }

    [Fact]
    public void MatthewsCorrelationByHand()
    {
        // (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)) = (2 − 1) / √(3·3·2·2) = 1/6
        Assert.Equal(1.0 / 6, ClassificationMetrics.MatthewsCorrelation(Predicted, Gold), 12);

        // TP 6, TN 3, FP 1, FN 2: (18 − 2) / √(7·8·4·5) = 16 / √1120 = 0.478091...
        var predicted = Repeat((1, 6), (0, 3), (1, 1), (0, 2));
        var gold = Repeat((1, 6), (0, 3), (0, 1), (1, 2));
        Assert.Equal(16 / Math.Sqrt(1120), ClassificationMetrics.MatthewsCorrelation(predicted, gold), 12);
    }

    [Fact]
    public void MatthewsCorrelationExtremes()
    {
        Assert.Equal(1, ClassificationMetrics.MatthewsCorrelation(Gold, Gold), 12);
        Assert.Equal(-1, ClassificationMetrics.MatthewsCorrelation(Gold.Select(g => 1 - g).ToArray(), Gold), 12);
        // always predicting 1: TN + FN = 0 empties a factor of the denominator → 0 by convention
        Assert.Equal(0, ClassificationMetrics.MatthewsCorrelation([1, 1, 1, 1, 1], Gold));
    }

    [Fact]
    public void F1OfClassOne()
    {
        // 2·TP / (2·TP + FP + FN) = 4 / 6
        Assert.Equal(2.0 / 3, ClassificationMetrics.F1(Predicted, Gold), 12);
        // precision 1/1, recall 1/3: 2·1 / (2 + 0 + 2) = 0.5
        Assert.Equal(0.5, ClassificationMetrics.F1([1, 0, 0, 0], [1, 1, 1, 0]), 12);
        // no true positive → 0
        Assert.Equal(0, ClassificationMetrics.F1([0, 0, 0], [1, 0, 0]));
    }

    [Fact]
    public void BadInputIsRejected()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Accuracy([1, 0], [1]));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Accuracy([], []));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.MatthewsCorrelation([2, 0], [1, 0]));
    }

    private static int[] Repeat(params (int Label, int Count)[] runs) =>
        runs.SelectMany(run => Enumerable.Repeat(run.Label, run.Count)).ToArray();
}
