namespace SuddenDrops.Data;

/// <summary>How a GLUE task writes its label column.</summary>
public enum GlueLabelFormat
{
    /// <summary>"0" or "1" (CoLA, SST-2, MRPC).</summary>
    ZeroOne,
    /// <summary>"entailment" (0) or "not_entailment" (1), the order of the GLUE/HF datasets label names (RTE).</summary>
    Entailment,
    /// <summary>A real similarity score in [0, 5] (STS-B).</summary>
    Score,
}
