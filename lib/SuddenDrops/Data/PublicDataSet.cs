namespace SuddenDrops.Data;

/// <summary>A public data set the project uses, as described in <c>data/README.md</c>.</summary>
/// <param name="Name">Short name used on the command line (<c>ud-ewt</c>, <c>blimp</c>, ...).</param>
/// <param name="Title">What it is, in a few words.</param>
/// <param name="License">Its licence.</param>
/// <param name="Size">Approximate size on disk once fetched.</param>
/// <param name="Upstream">Where it is published.</param>
/// <param name="Files">Its files under the data root.</param>
/// <param name="CombinedSha256">SHA-256 of the concatenation, in ordinal path order, of the required files that have
/// no <see cref="DataSetFile.Sha256"/> of their own (BLiMP's 67 <c>.jsonl</c> files); null when every file has its own.</param>
/// <param name="BuildInstructions">For a set that cannot be downloaded as is: how to make it.</param>
public sealed record PublicDataSet(
    string Name,
    string Title,
    string License,
    string Size,
    IReadOnlyList<Uri> Upstream,
    IReadOnlyList<DataSetFile> Files,
    string? CombinedSha256 = null,
    string? BuildInstructions = null)
{
    /// <summary>The files that must be present for the set to count as present.</summary>
    public IEnumerable<DataSetFile> RequiredFiles => Files.Where(f => f.Required);

    /// <summary>The required files covered only by <see cref="CombinedSha256"/>, in the order they are hashed.</summary>
    public IReadOnlyList<DataSetFile> CombinedFiles =>
        [.. RequiredFiles.Where(f => f.Sha256 is null).OrderBy(f => f.RelativePath, StringComparer.Ordinal)];

    /// <summary>Whether <c>DataFetcher</c> can produce every required file.</summary>
    public bool IsFetchable => RequiredFiles.All(f => f.Origin.IsFetchable);
}
