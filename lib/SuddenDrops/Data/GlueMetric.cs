namespace SuddenDrops.Data;

/// <summary>The metrics GLUE reports for the tasks read here (Wang et al. 2019, Table 1).</summary>
public enum GlueMetric
{
    Accuracy,
    /// <summary>Matthews correlation coefficient of the binary predictions (CoLA).</summary>
    MatthewsCorrelation,
    /// <summary>F1 of the positive class 1 (MRPC: "paraphrase").</summary>
    F1,
    Pearson,
    Spearman,
}
