using SuddenDrops.Metrics;

namespace SuddenDrops.Experiments;

/// <summary>The onset analysis of one column of a run's <c>metrics.csv</c>.</summary>
/// <param name="Column">The metric (uas, eval_acc, eval_loss, blimp, …).</param>
/// <param name="Checkpoints">Checkpoints with a finite value of the metric (those entered the analysis).</param>
/// <param name="FinalStep">Step of the last of them.</param>
/// <param name="FinalValue">The metric there.</param>
/// <param name="Analysis">Everything <see cref="OnsetDetector.Analyze"/> computed, with the candidate onset.</param>
public sealed record MetricOnset(string Column, int Checkpoints, double FinalStep, double FinalValue, OnsetAnalysis Analysis)
{
    /// <summary>The significant onset (▲ structure, ⏺ capabilities), or null: "no onset".</summary>
    public Onset? Onset => Analysis.Detected;

    /// <summary>The steepest rise, significant or not (null when the series never rises).</summary>
    public Onset? Candidate => Analysis.Candidate;

    /// <summary>BIG-bench breakthroughness of the raw series, in the analysed direction.</summary>
    public double Breakthroughness => Analysis.Breakthroughness;
}
