using SuddenDrops.Data;
using SuddenDrops.Metrics;

namespace SuddenDrops.Tests.Metrics;

public class GlueScoringTests
{
    [Fact]
    public void ClassificationTasksScoreRoundedLabels()
    {
        float[] predicted = [1, 0, 1, 1, 0];
        float[] gold = [1, 0, 0, 1, 1];

        var mrpc = GlueScoring.ComputeAll(GlueTask.Mrpc, predicted, gold);

        // TP 2, TN 1, FP 1, FN 1 (see ClassificationMetricsTests): F1 = 4/6, accuracy = 3/5
        Assert.Equal(2.0 / 3, mrpc[GlueMetric.F1], 12);
        Assert.Equal(0.6, mrpc[GlueMetric.Accuracy], 12);
        Assert.Equal(1.0 / 6, GlueScoring.Compute(GlueMetric.MatthewsCorrelation, predicted, gold), 12);
    }

    [Fact]
    public void RegressionTaskScoresCorrelations()
    {
        float[] predicted = [1, 2, 3, 4, 5];
        float[] gold = [2, 4, 5, 4, 5];

        var stsb = GlueScoring.ComputeAll(GlueTask.StsB, predicted, gold);

        Assert.Equal(6 / Math.Sqrt(60), stsb[GlueMetric.Pearson], 6);
        Assert.Equal(7 / Math.Sqrt(90), stsb[GlueMetric.Spearman], 6);
    }
}
