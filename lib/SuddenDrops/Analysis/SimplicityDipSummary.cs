using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Analysis;

/// <summary>
/// The simplicity dip of one layer in numbers (Chen et al. 2024, §3.2): the TwoNN intrinsic dimension of its token
/// representations at the start, at the structure onset ▲, at its lowest between ▲ and the capabilities onset ⏺, at ⏺ and
/// at the end. The paper's claim is a fall between ▲ and ⏺ (Dip = IdAtStructureOnset − IdMinBetweenOnsets &gt; 0).
/// </summary>
/// <param name="Run">The run's set and name (<see cref="RecordedRun.Label"/>, e.g. <c>tiny-silver/base-s0</c>).</param>
/// <param name="Layer">Layer (0 = embedding output).</param>
/// <param name="StructureOnsetStep">▲ of the run's UAS curve, or null.</param>
/// <param name="CapabilitiesOnsetStep">⏺, or null.</param>
/// <param name="IdStart">Dimension at the first checkpoint.</param>
/// <param name="IdAtStructureOnset">At ▲ (interpolated).</param>
/// <param name="IdMinBetweenOnsets">Lowest checkpoint value between ▲ and ⏺.</param>
/// <param name="IdAtCapabilitiesOnset">At ⏺.</param>
/// <param name="IdFinal">At the last checkpoint.</param>
/// <param name="Dip">IdAtStructureOnset − IdMinBetweenOnsets.</param>
public sealed record SimplicityDipSummary(
    string Run,
    int Layer,
    double? StructureOnsetStep,
    double? CapabilitiesOnsetStep,
    double? IdStart,
    double? IdAtStructureOnset,
    double? IdMinBetweenOnsets,
    double? IdAtCapabilitiesOnset,
    double? IdFinal,
    double? Dip)
{
    /// <summary>One row per TwoNN layer of <paramref name="run"/> (none when the run has no TwoNN columns).</summary>
    public static IReadOnlyList<SimplicityDipSummary> Of(RecordedRun run)
    {
        var onsets = TransitionSummary.Of(run);
        double? structure = onsets.StructureOnsetStep, capabilities = onsets.CapabilitiesOnsetStep;
        return
        [
            .. run.IntrinsicDimensionLayers.Select(layer =>
            {
                var series = run.Series(MetricColumns.IntrinsicDimension(layer));
                double? atStructure = structure is double s ? series.At(s) : null;
                double? minimum = structure is double from && capabilities is double to
                    ? series.Steps.Zip(series.Values).Where(p => p.First >= from && p.First <= to).Select(p => (double?)p.Second).Min()
                    : null;
                return new SimplicityDipSummary(run.Label, layer, structure, capabilities, series.First, atStructure, minimum,
                    capabilities is double c ? series.At(c) : null, series.Last, atStructure - minimum);
            }),
        ];
    }
}
