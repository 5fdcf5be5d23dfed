namespace SuddenDrops.Experiments;

/// <summary>What <see cref="CheckpointCurves"/> measures at each chosen checkpoint.</summary>
public enum CurveProbe
{
    /// <summary>Per-relation UAS (relations.csv) and, from the same counts, the UAS probe's columns (probes.csv).</summary>
    Relations,
    /// <summary>The BLiMP probe's columns (probes.csv).</summary>
    Blimp,
    /// <summary>The TwoNN probe's columns (probes.csv).</summary>
    TwoNN,
}
