namespace SuddenDrops.Data;

/// <summary>
/// Decides which folder holds the data sets. In order:
/// <list type="number">
/// <item>the <c>--data DIR</c> argument (an error if that folder does not exist);</item>
/// <item>the <c>SUDDENDROPS_DATA</c> environment variable (an error if set to a folder that does not exist);</item>
/// <item><c>data/</c> under the project root, only if it holds at least one complete data set
/// (it always exists, holding <c>README.md</c>);</item>
/// <item><c>../shared/data</c> next to the project root, under the same condition.</item>
/// </list>
/// The project root is the nearest folder holding <c>Notebooks.sln</c> above the current directory or the program.
/// </summary>
public static class DataRoot
{
    /// <summary>The environment variable that names the data root.</summary>
    public const string EnvironmentVariable = "SUDDENDROPS_DATA";

    /// <summary>Resolves the data root from the argument, the process environment and the project root.</summary>
    /// <exception cref="DataRootNotFoundException">Nothing usable; the message lists every place looked at.</exception>
    public static DataRootResolution Resolve(string? explicitPath) =>
        Resolve(explicitPath, Environment.GetEnvironmentVariable(EnvironmentVariable), ProjectRoot.Find());

    /// <summary>Resolves the data root from explicit inputs (the testable form of <see cref="Resolve(string?)"/>).</summary>
    /// <param name="explicitPath">The <c>--data</c> argument, or null.</param>
    /// <param name="environmentValue">The value of <c>SUDDENDROPS_DATA</c>, or null when unset.</param>
    /// <param name="projectRoot">The project root, or null when there is none.</param>
    public static DataRootResolution Resolve(string? explicitPath, string? environmentValue, string? projectRoot)
    {
        var candidates = Candidates(explicitPath, environmentValue, projectRoot);
        foreach (var explicitCandidate in candidates.Take(2).Where(c => c.Path is not null))
        {
            if (!explicitCandidate.Usable)
                throw new DataRootNotFoundException($"{explicitCandidate.Rule} names {explicitCandidate.Path}, which {explicitCandidate.Finding}.", candidates);
            return new DataRootResolution(explicitCandidate.Path!, explicitCandidate.Source, candidates);
        }
        var found = candidates.FirstOrDefault(c => c.Usable)
            ?? throw new DataRootNotFoundException("No data root found.", candidates);
        return new DataRootResolution(found.Path!, found.Source, candidates);
    }

    /// <summary>
    /// Where <c>sdrops data fetch</c> writes: the argument, else the environment variable, else <c>data/</c> under
    /// the project root (never the shared folder). The folder need not exist yet.
    /// </summary>
    /// <exception cref="DataRootNotFoundException">No argument, no variable and no project root.</exception>
    public static string FetchTarget(string? explicitPath, string? environmentValue, string? projectRoot)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return Path.GetFullPath(explicitPath);
        if (!string.IsNullOrWhiteSpace(environmentValue))
            return Path.GetFullPath(environmentValue);
        if (projectRoot is not null)
            return Path.Combine(projectRoot, "data");
        throw new DataRootNotFoundException("Nowhere to fetch into.", Candidates(explicitPath, environmentValue, projectRoot));
    }

    /// <summary><see cref="FetchTarget(string?, string?, string?)"/> with the process environment and project root.</summary>
    public static string FetchTarget(string? explicitPath) =>
        FetchTarget(explicitPath, Environment.GetEnvironmentVariable(EnvironmentVariable), ProjectRoot.Find());

    /// <summary>The four places, in order, each with what was found there.</summary>
    public static IReadOnlyList<DataRootCandidate> Candidates(string? explicitPath, string? environmentValue, string? projectRoot) =>
    [
        ExplicitCandidate(DataRootSource.Argument, explicitPath, "not given"),
        ExplicitCandidate(DataRootSource.EnvironmentVariable, environmentValue, "not set"),
        ImplicitCandidate(DataRootSource.ProjectData, projectRoot is null ? null : Path.Combine(projectRoot, "data")),
        ImplicitCandidate(DataRootSource.SharedData, projectRoot is null ? null : Path.GetFullPath(Path.Combine(projectRoot, "..", "shared", "data"))),
    ];

    private static DataRootCandidate ExplicitCandidate(DataRootSource source, string? path, string whenAbsent)
    {
        if (string.IsNullOrWhiteSpace(path))
            return new DataRootCandidate(source, null, whenAbsent, false);
        var full = Path.GetFullPath(path);
        return Directory.Exists(full)
            ? new DataRootCandidate(source, full, DescribeContents(full), true)
            : new DataRootCandidate(source, full, "does not exist", false);
    }

    private static DataRootCandidate ImplicitCandidate(DataRootSource source, string? path)
    {
        if (path is null)
            return new DataRootCandidate(source, null, $"no project root ({ProjectRoot.MarkerFile} not found above the current directory or the program)", false);
        if (!Directory.Exists(path))
            return new DataRootCandidate(source, path, "does not exist", false);
        var held = CountCompleteSets(path);
        return new DataRootCandidate(source, path, DescribeContents(path), held > 0);
    }

    private static int CountCompleteSets(string path) => DataCatalog.All.Count(set => DataCheck.HoldsAllFiles(path, set));

    private static string DescribeContents(string path) => CountCompleteSets(path) switch
    {
        0 => "holds no complete data set",
        1 => "holds 1 complete data set",
        var n => $"holds {n} complete data sets",
    };
}
