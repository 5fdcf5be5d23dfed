namespace SuddenDrops.Data;

/// <summary>One file of a <see cref="PublicDataSet"/>.</summary>
/// <param name="RelativePath">Path under the data root, with '/' separators (e.g. <c>ud/en_ewt-ud-dev.conllu</c>).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the reference copy, or null when the file is only covered by the
/// set's <see cref="PublicDataSet.CombinedSha256"/>.</param>
/// <param name="Origin">Where its bytes come from.</param>
/// <param name="Required">False for notices (licence texts, upstream READMEs): checked and fetched when possible,
/// but a set without them still counts as present.</param>
public sealed record DataSetFile(string RelativePath, string? Sha256, FileOrigin Origin, bool Required = true)
{
    /// <summary>The file's full path under <paramref name="dataRoot"/>.</summary>
    public string PathUnder(string dataRoot) => Path.Combine(dataRoot, RelativePath.Replace('/', Path.DirectorySeparatorChar));
}
