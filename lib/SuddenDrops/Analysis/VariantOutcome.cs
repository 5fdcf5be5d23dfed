using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Analysis;

/// <summary>
/// Where one run of a variant ended up (Chen et al. 2024, §4, Table 1 and Fig. 5): final MLM loss, UAS, BLiMP and GLUE,
/// and its UAS onsets. Flat, so that a list shows as a table in a notebook.
/// </summary>
/// <param name="Run">Run folder name.</param>
/// <param name="Variant">The paper's label: base, SAS+, SAS−, SAS−(k); otherwise the folder's variant.</param>
/// <param name="Seed">Seed, when known.</param>
/// <param name="ReleaseStep">k of SAS−(k); null for the others.</param>
/// <param name="LastStep">Last checkpoint step.</param>
/// <param name="FinalLoss">Held-out MLM loss at the last checkpoint.</param>
/// <param name="FinalUas">UAS at the last checkpoint.</param>
/// <param name="MaxUas">Highest UAS of the run.</param>
/// <param name="StructureOnsetStep">▲ of the UAS curve, or null.</param>
/// <param name="CapabilitiesOnsetStep">⏺ of the UAS curve, or null.</param>
/// <param name="FinalBlimp">BLiMP at the last checkpoint: its <c>sdrops blimp</c> report when kept (<see cref="FinalEvaluation"/>), else the training probe's.</param>
/// <param name="Glue">Mean GLUE score of the final checkpoint: its <c>sdrops glue</c> report, else a <c>glue</c> column of metrics.csv; null when neither.</param>
public sealed record VariantOutcome(
    string Run,
    string Variant,
    int? Seed,
    long? ReleaseStep,
    double? LastStep,
    double? FinalLoss,
    double? FinalUas,
    double? MaxUas,
    double? StructureOnsetStep,
    double? CapabilitiesOnsetStep,
    double? FinalBlimp,
    double? Glue)
{
    /// <summary>Reads the outcome of <paramref name="run"/>.</summary>
    public static VariantOutcome Of(RecordedRun run)
    {
        var summary = TransitionSummary.Of(run);
        var variant = run.SasVariant;
        return new VariantOutcome(run.Name, variant?.Label ?? run.Variant, run.Seed, variant?.ReleaseStep, summary.LastStep,
            summary.LossFinal, summary.UasFinal, summary.UasMax, summary.StructureOnsetStep, summary.CapabilitiesOnsetStep,
            FinalEvaluation.Blimp(run)?.MeanOverParadigms ?? summary.BlimpFinal,
            FinalEvaluation.Glue(run)?.Average ?? run.Series(MetricColumns.Glue).Last);
    }
}
