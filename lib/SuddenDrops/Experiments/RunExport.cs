namespace SuddenDrops.Experiments;

/// <summary>
/// Copies what a run folder says about its run — config.json, run.json, metrics.csv, train_log.csv, and the
/// <c>curves/</c> and <c>evals/</c> reports — without checkpoints or vocabulary (both reproducible from the config),
/// so that results can be kept in the project under <c>data/runs/</c>. A folder of run folders (a sweep) is copied run
/// by run. Files are written atomically; existing copies are replaced.
/// </summary>
public static class RunExport
{
    /// <summary>The files of a run folder that are kept.</summary>
    public static readonly string[] RunFiles = ["config.json", "run.json", "metrics.csv", "train_log.csv"];

    /// <summary>The report folders of a run folder that are kept whole (small CSV and JSON files).</summary>
    public static readonly string[] ReportFolders = ["curves", "evals"];

    /// <summary>Copies <paramref name="source"/> (a run folder, or a folder of them) into <paramref name="target"/>; returns the runs copied.</summary>
    public static IReadOnlyList<string> Copy(string source, string target)
    {
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"{source}: no such folder.");
        if (IsRun(source))
        {
            CopyRun(source, target);
            return [Path.GetFileName(Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar))];
        }
        var runs = Directory.GetDirectories(source).Where(IsRun).Order(StringComparer.Ordinal).ToList();
        if (runs.Count == 0) throw new InvalidDataException($"{source} is neither a run folder (no metrics.csv) nor a folder of run folders.");
        foreach (var run in runs) CopyRun(run, Path.Combine(target, Path.GetFileName(run)));
        return [.. runs.Select(Path.GetFileName).OfType<string>()];
    }

    private static bool IsRun(string folder) => File.Exists(Path.Combine(folder, "metrics.csv"));

    private static void CopyRun(string run, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var name in RunFiles)
            CopyFile(Path.Combine(run, name), Path.Combine(target, name));
        foreach (var folder in ReportFolders)
        {
            var from = Path.Combine(run, folder);
            if (!Directory.Exists(from)) continue;
            foreach (var file in Directory.GetFiles(from).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)))
                CopyFile(file, Path.Combine(target, folder, Path.GetFileName(file)));
        }
    }

    private static void CopyFile(string from, string to)
    {
        if (!File.Exists(from)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        Data.AtomicFile.Write(to, temp => File.Copy(from, temp, overwrite: true));
    }
}
