namespace SuddenDrops.Data;

/// <summary>What <see cref="DataCheck"/> found for one data set under one data root.</summary>
/// <param name="DataSet">The data set.</param>
/// <param name="Root">The data root looked in.</param>
/// <param name="MissingFiles">Required files that are absent (relative paths).</param>
/// <param name="MissingNotices">Licence or README files that are absent (relative paths).</param>
/// <param name="MismatchedFiles">Present files whose SHA-256 differs from the catalog's; for a combined checksum,
/// the set's name followed by "(combined)".</param>
/// <param name="Checksum">The overall checksum verdict.</param>
public sealed record DataSetStatus(
    PublicDataSet DataSet,
    string Root,
    IReadOnlyList<string> MissingFiles,
    IReadOnlyList<string> MissingNotices,
    IReadOnlyList<string> MismatchedFiles,
    ChecksumState Checksum)
{
    /// <summary>All required files are there.</summary>
    public bool IsPresent => MissingFiles.Count == 0;

    /// <summary>No required file is there.</summary>
    public bool IsMissing => MissingFiles.Count == DataSet.RequiredFiles.Count();

    /// <summary>Present and, when checked, identical to the reference copy.</summary>
    public bool IsUsable => IsPresent && Checksum != ChecksumState.Mismatch;
}
