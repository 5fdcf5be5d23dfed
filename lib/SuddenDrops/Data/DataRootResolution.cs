namespace SuddenDrops.Data;

/// <summary>The data root in use, the rule that chose it, and every place considered (in order).</summary>
public sealed record DataRootResolution(string Path, DataRootSource Source, IReadOnlyList<DataRootCandidate> Candidates);
