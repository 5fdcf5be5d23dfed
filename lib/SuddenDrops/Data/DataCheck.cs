namespace SuddenDrops.Data;

/// <summary>Checks which data sets a data root holds and whether their files match the catalog's SHA-256 values.</summary>
public static class DataCheck
{
    /// <summary>The status of every data set of <paramref name="sets"/> (default: <see cref="DataCatalog.All"/>) under <paramref name="root"/>.</summary>
    /// <param name="root">The data root.</param>
    /// <param name="verifyChecksums">Hash the files (about 0.1 s per 100 MB); false checks presence only.</param>
    /// <param name="sets">The data sets to check; null for the whole catalog.</param>
    public static IReadOnlyList<DataSetStatus> Run(string root, bool verifyChecksums = true, IEnumerable<PublicDataSet>? sets = null) =>
        [.. (sets ?? DataCatalog.All).Select(set => Check(root, set, verifyChecksums))];

    /// <summary>The status of one data set under <paramref name="root"/>.</summary>
    public static DataSetStatus Check(string root, PublicDataSet set, bool verifyChecksums = true)
    {
        var missing = set.Files.Where(f => f.Required && !File.Exists(f.PathUnder(root))).Select(f => f.RelativePath).ToList();
        var missingNotices = set.Files.Where(f => !f.Required && !File.Exists(f.PathUnder(root))).Select(f => f.RelativePath).ToList();
        var anyPresent = set.Files.Any(f => File.Exists(f.PathUnder(root)));
        if (!verifyChecksums || !anyPresent)
            return new DataSetStatus(set, root, missing, missingNotices, [], ChecksumState.NotChecked);

        var mismatched = set.Files
            .Where(f => f.Sha256 is not null && File.Exists(f.PathUnder(root)))
            .Where(f => FileChecksum.Sha256(f.PathUnder(root)) != f.Sha256)
            .Select(f => f.RelativePath)
            .ToList();
        if (!CombinedChecksumMatches(root, set))
            mismatched.Add($"{set.Name} (combined)");
        return new DataSetStatus(set, root, missing, missingNotices, mismatched, mismatched.Count == 0 ? ChecksumState.Ok : ChecksumState.Mismatch);
    }

    /// <summary>True when every required file of the set exists under <paramref name="root"/> (presence only, no hashing).</summary>
    public static bool HoldsAllFiles(string root, PublicDataSet set) => set.RequiredFiles.All(f => File.Exists(f.PathUnder(root)));

    /// <summary>True when the set has no combined checksum, when some of its files are missing (reported as missing
    /// instead), or when the concatenation of its files matches.</summary>
    private static bool CombinedChecksumMatches(string root, PublicDataSet set)
    {
        if (set.CombinedSha256 is null)
            return true;
        var paths = set.CombinedFiles.Select(f => f.PathUnder(root)).ToList();
        if (!paths.All(File.Exists))
            return true;
        return FileChecksum.Sha256OfConcatenation(paths) == set.CombinedSha256;
    }
}
