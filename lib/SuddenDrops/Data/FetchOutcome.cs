namespace SuddenDrops.Data;

/// <summary>The result of fetching one data set.</summary>
/// <param name="DataSet">The data set.</param>
/// <param name="Status">What happened.</param>
/// <param name="Written">Files put in place by this run (relative paths).</param>
/// <param name="Warnings">Problems with optional files (licences, READMEs) that did not stop the set.</param>
/// <param name="Message">Why it failed, or how to build it; null when fetched or present.</param>
public sealed record FetchOutcome(
    PublicDataSet DataSet,
    FetchStatus Status,
    IReadOnlyList<string> Written,
    IReadOnlyList<string> Warnings,
    string? Message = null);
