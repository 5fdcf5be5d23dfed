using SuddenDrops.Data;

namespace SuddenDrops.Metrics;

/// <summary>Computes a <see cref="GlueMetric"/> from predictions and gold labels as stored in <see cref="GlueExample.Label"/>.</summary>
public static class GlueScoring
{
    /// <summary>
    /// The value of <paramref name="metric"/>. Classification metrics read labels as class indices
    /// (rounded to the nearest integer); Pearson and Spearman use the values as they are.
    /// </summary>
    public static double Compute(GlueMetric metric, IReadOnlyList<float> predicted, IReadOnlyList<float> gold) => metric switch
    {
        GlueMetric.Accuracy => ClassificationMetrics.Accuracy(Classes(predicted), Classes(gold)),
        GlueMetric.MatthewsCorrelation => ClassificationMetrics.MatthewsCorrelation(Classes(predicted), Classes(gold)),
        GlueMetric.F1 => ClassificationMetrics.F1(Classes(predicted), Classes(gold)),
        GlueMetric.Pearson => CorrelationMetrics.Pearson(Reals(predicted), Reals(gold)),
        GlueMetric.Spearman => CorrelationMetrics.Spearman(Reals(predicted), Reals(gold)),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>Every metric of <paramref name="task"/>, in the task's order.</summary>
    public static IReadOnlyDictionary<GlueMetric, double> ComputeAll(
        GlueTask task, IReadOnlyList<float> predicted, IReadOnlyList<float> gold) =>
        task.Metrics.ToDictionary(metric => metric, metric => Compute(metric, predicted, gold));

    private static int[] Classes(IReadOnlyList<float> labels) => labels.Select(label => (int)MathF.Round(label)).ToArray();

    private static double[] Reals(IReadOnlyList<float> labels) => labels.Select(label => (double)label).ToArray();
}
