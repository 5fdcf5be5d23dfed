namespace SuddenDrops.Metrics;

/// <summary>Which way the sought jump goes: a metric that rises (UAS, accuracy) or falls (loss).</summary>
public enum RiseDirection
{
    Rising,
    /// <summary>The series is negated before the analysis, so a sudden drop is found as a rise.</summary>
    Falling,
}
