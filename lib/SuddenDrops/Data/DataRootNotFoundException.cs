namespace SuddenDrops.Data;

/// <summary>No data root could be found; the message lists every place looked at and what was wrong with it.</summary>
public sealed class DataRootNotFoundException(string problem, IReadOnlyList<DataRootCandidate> candidates)
    : DirectoryNotFoundException(problem + Environment.NewLine + "Looked at, in order:" + Environment.NewLine +
        string.Join(Environment.NewLine, candidates.Select(c => "  " + c)) + Environment.NewLine +
        "Give --data DIR, set " + DataRoot.EnvironmentVariable + ", or run `sdrops data fetch` (see data/README.md).")
{
    /// <summary>The places looked at, in resolution order.</summary>
    public IReadOnlyList<DataRootCandidate> Candidates { get; } = candidates;
}
