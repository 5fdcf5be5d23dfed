using SuddenDrops.Metrics;

namespace SuddenDrops.Experiments;

/// <summary>
/// One row of <c>curves/relation_onsets.csv</c>, as <see cref="RelationOnsets.Write(string, IEnumerable{RelationOnsetRow})"/> writes it and
/// <see cref="RelationOnsets.Read"/> reads it back: a <see cref="RelationOnset"/> without the analysis arrays. The onset
/// cells are null where the curve has no candidate rise (fewer than 5 checkpoints, or it never rises).
/// </summary>
/// <param name="Relation">Base UD relation or "all".</param>
/// <param name="Words">Words of the relation in the sample.</param>
/// <param name="Checkpoints">Checkpoints in the curve.</param>
/// <param name="FinalStep">Last checkpoint's step.</param>
/// <param name="FinalUas">UAS of the best head for the relation there.</param>
/// <param name="FinalOverallUas">UAS of the overall best head on the relation's words there.</param>
/// <param name="MaxUas">Highest UAS of the curve.</param>
/// <param name="BaselineOffset">Best fixed offset for these words.</param>
/// <param name="BaselineUas">Its UAS.</param>
/// <param name="BeatsBaseline">Whether the best head beats the positional baseline at the last checkpoint.</param>
/// <param name="StructureOnset">▲ of the steepest rise.</param>
/// <param name="Inflection">Step of the steepest rise.</param>
/// <param name="CapabilitiesOnset">⏺ of the steepest rise.</param>
/// <param name="Rise">Size of the rise.</param>
/// <param name="RiseFraction">Rise / range of the smoothed curve.</param>
/// <param name="Sharpness">How much steeper than the curve's average rise.</param>
/// <param name="RiseOverNoise">Rise / checkpoint noise.</param>
/// <param name="Significant">Whether the rise passes the detector's tests (an onset); null without a candidate rise.</param>
/// <param name="Breakthroughness">BIG-bench breakthroughness of the curve; null without an analysis.</param>
public sealed record RelationOnsetRow(
    string Relation, long Words, int Checkpoints, long FinalStep, double FinalUas, double FinalOverallUas, double MaxUas,
    int BaselineOffset, double BaselineUas, bool BeatsBaseline,
    double? StructureOnset, double? Inflection, double? CapabilitiesOnset, double? Rise, double? RiseFraction, double? Sharpness,
    double? RiseOverNoise, bool? Significant, double? Breakthroughness)
{
    /// <summary>The row of an onset analysis.</summary>
    public static RelationOnsetRow Of(RelationOnset onset)
    {
        var c = onset.Candidate;
        return new RelationOnsetRow(onset.Relation, onset.Words, onset.Checkpoints, onset.FinalStep, onset.FinalUas, onset.FinalOverallUas,
            onset.MaxUas, onset.BaselineOffset, onset.BaselineUas, onset.BeatsBaseline,
            c?.StructureOnsetStep, c?.InflectionStep, c?.CapabilitiesOnsetStep, c?.Rise, c?.RiseFraction, c?.Sharpness, c?.RiseOverNoise,
            c is null ? null : onset.Onset is not null, onset.Analysis?.Breakthroughness);
    }
}
