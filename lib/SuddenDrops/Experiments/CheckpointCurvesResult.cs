namespace SuddenDrops.Experiments;

/// <summary>What one <see cref="CheckpointCurves.Run"/> did.</summary>
/// <param name="OutDirectory">Folder of relations.csv, probes.csv and relation_onsets.csv.</param>
/// <param name="Selected">Steps chosen by the spacing, ascending.</param>
/// <param name="Evaluated">Steps at which at least one probe ran, with the seconds spent there (loading included).</param>
/// <param name="Skipped">Steps whose every chosen probe was already in the CSVs.</param>
/// <param name="Onsets">The per-relation onsets of the whole relations.csv (empty without the relations probe).</param>
public sealed record CheckpointCurvesResult(
    string OutDirectory,
    IReadOnlyList<long> Selected,
    IReadOnlyList<(long Step, double Seconds)> Evaluated,
    IReadOnlyList<long> Skipped,
    IReadOnlyList<RelationOnset> Onsets);
