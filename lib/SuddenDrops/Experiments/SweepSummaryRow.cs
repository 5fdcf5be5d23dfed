using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// One line of a sweep's summary: the last checkpoint's held-out MLM loss and accuracy and UAS, and the onsets of the UAS
/// curve (<see cref="OnsetSummary"/>): ▲ structure onset, the steepest rise, ⏺ capabilities onset of its steepest rise
/// (null when the UAS never rises), and whether that rise passes the detector's significance tests (otherwise "no onset").
/// </summary>
public sealed record SweepSummaryRow(
    string Variant,
    int Seed,
    SweepRunState State,
    double FinalStep,
    double EvalLoss,
    double EvalAccuracy,
    double Uas,
    double? StructureOnset,
    double? InflectionStep,
    double? CapabilitiesOnset,
    double UasRise,
    bool UasOnsetSignificant,
    double UasBreakthroughness)
{
    /// <summary>The row of <paramref name="run"/> from its metrics.csv (NaN where a value is missing, no onset with fewer than 5 UAS checkpoints).</summary>
    public static SweepSummaryRow Of(SweepRun run, SweepRunState state)
    {
        var folder = new RunFolder(run.Folder);
        var metrics = folder.HasMetrics ? new MetricsLog(folder.MetricsPath) : null;
        double Last(string column) => metrics?.Numbers(column).LastOrDefault(double.IsFinite, double.NaN) ?? double.NaN;
        var steps = metrics?.Numbers(MetricColumns.Step) ?? [];
        MetricOnset? uas = metrics is not null && metrics.Columns.Contains(MetricColumns.Uas) && metrics.Numbers(MetricColumns.Uas).Count(double.IsFinite) >= 5
            ? OnsetSummary.Of(metrics, MetricColumns.Uas)
            : null;
        var onset = uas?.Candidate;
        return new SweepSummaryRow(run.Variant.ToString(), run.Seed, state,
            steps.Length > 0 ? steps[^1] : double.NaN, Last(MetricColumns.EvalLoss), Last(MetricColumns.EvalAccuracy), Last(MetricColumns.Uas),
            onset?.StructureOnsetStep, onset?.InflectionStep, onset?.CapabilitiesOnsetStep,
            onset?.Rise ?? double.NaN, uas?.Onset is not null, uas?.Breakthroughness ?? double.NaN);
    }
}
