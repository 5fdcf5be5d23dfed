using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// The files of a run's <c>curves/</c> folder (<see cref="RunFolder.CurvesDir"/>), written by <see cref="CheckpointCurves"/>
/// and read back by the figures, the reproduction tables and <see cref="RunExport"/>:
/// <code>
/// relations.csv        per step and relation: UAS of the relation's best head, of the overall best head, offset baseline (RelationCurveCsv)
/// probes.csv           per step: the metrics.csv columns of the probes run (MetricColumns: uas…, blimp…, id_…)
/// relation_onsets.csv  per relation: OnsetDetector on its curve (RelationOnsets)
/// </code>
/// </summary>
public static class CurveFiles
{
    public const string Relations = "relations.csv";
    public const string Probes = "probes.csv";
    public const string RelationOnsets = "relation_onsets.csv";

    /// <summary>The post-hoc probe table of <paramref name="run"/>.</summary>
    public static string ProbesOf(RunFolder run) => Path.Combine(run.CurvesDir, Probes);

    /// <summary>The per-relation onset table of <paramref name="run"/>.</summary>
    public static string RelationOnsetsOf(RunFolder run) => Path.Combine(run.CurvesDir, RelationOnsets);
}
