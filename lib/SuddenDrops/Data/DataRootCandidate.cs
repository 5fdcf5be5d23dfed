namespace SuddenDrops.Data;

/// <summary>One place looked at while resolving the data root, and what was found there.</summary>
/// <param name="Source">Which rule this place comes from.</param>
/// <param name="Path">The full path, or null when the rule gave none (no argument, variable not set, no project root).</param>
/// <param name="Finding">What was found, e.g. "not given", "does not exist", "holds no data set", "holds 6 data sets".</param>
/// <param name="Usable">Whether this place would serve as the data root.</param>
public sealed record DataRootCandidate(DataRootSource Source, string? Path, string Finding, bool Usable)
{
    /// <summary>How the rule is spelled for people: <c>--data</c>, <c>$SUDDENDROPS_DATA</c>, ...</summary>
    public string Rule => Source switch
    {
        DataRootSource.Argument => "--data argument",
        DataRootSource.EnvironmentVariable => "$" + DataRoot.EnvironmentVariable,
        DataRootSource.ProjectData => "<project>/data",
        DataRootSource.SharedData => "<project>/../shared/data",
        _ => Source.ToString(),
    };

    public override string ToString() => $"{Rule}: {Path ?? "-"} ({Finding})";
}
