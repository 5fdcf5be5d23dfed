namespace SuddenDrops.Metrics;

/// <summary>Settings of the implicit-parse UAS report.</summary>
/// <param name="MinRelationWords">A relation gets a per-relation best head only if at least this many words carry it (paper: 100).</param>
public sealed record UasOptions(int MinRelationWords = 100);
