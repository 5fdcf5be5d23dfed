namespace SuddenDrops.Metrics;

/// <summary>
/// Scores of class predictions against gold labels: accuracy (any number of classes), and for binary
/// labels 0/1 the Matthews correlation and the F1 of class 1 (GLUE's CoLA and MRPC metrics).
/// Degenerate cases follow scikit-learn: MCC is 0 when a row or column of the confusion matrix is empty,
/// F1 is 0 when there are no true positives.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Fraction of positions where <paramref name="predicted"/> equals <paramref name="gold"/>.</summary>
    public static double Accuracy(IReadOnlyList<int> predicted, IReadOnlyList<int> gold)
    {
        CheckLengths(predicted, gold);
        var correct = 0;
        for (var i = 0; i < gold.Count; i++)
            if (predicted[i] == gold[i])
                correct++;
        return (double)correct / gold.Count;
    }

    /// <summary>
    /// Matthews correlation coefficient (Matthews 1975) of binary labels:
    /// MCC = (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)), in [−1, 1]; 0 when the denominator is 0.
    /// </summary>
    public static double MatthewsCorrelation(IReadOnlyList<int> predicted, IReadOnlyList<int> gold)
    {
        var (tp, tn, fp, fn) = Confusion(predicted, gold);
        var denominator = Math.Sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return denominator == 0 ? 0 : (tp * tn - fp * fn) / denominator;
    }

    /// <summary>F1 of class 1: 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall; 0 when TP = 0.</summary>
    public static double F1(IReadOnlyList<int> predicted, IReadOnlyList<int> gold)
    {
        var (tp, _, fp, fn) = Confusion(predicted, gold);
        return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
    }

    /// <summary>Counts of the binary confusion matrix, class 1 positive (as doubles: products overflow int).</summary>
    public static (double TruePositives, double TrueNegatives, double FalsePositives, double FalseNegatives) Confusion(
        IReadOnlyList<int> predicted, IReadOnlyList<int> gold)
    {
        CheckLengths(predicted, gold);
        double tp = 0, tn = 0, fp = 0, fn = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            if (predicted[i] is not (0 or 1) || gold[i] is not (0 or 1))
                throw new ArgumentException(
                    $"Binary metrics need labels 0 or 1; position {i} has predicted {predicted[i]}, gold {gold[i]}");
            switch (predicted[i], gold[i])
            {
                case (1, 1): tp++; break;
                case (0, 0): tn++; break;
                case (1, 0): fp++; break;
                default: fn++; break;
            }
        }
        return (tp, tn, fp, fn);
    }

    private static void CheckLengths(IReadOnlyList<int> predicted, IReadOnlyList<int> gold)
    {
        if (predicted.Count != gold.Count)
            throw new ArgumentException($"{predicted.Count} predictions for {gold.Count} gold labels");
        if (gold.Count == 0)
            throw new ArgumentException("No labels to score");
    }
}
