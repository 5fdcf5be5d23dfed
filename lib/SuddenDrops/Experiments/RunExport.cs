using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// Copies what a run folder says about its run — <see cref="RunFolder.RecordFiles"/> (config.json, run.json, metrics.csv,
/// train_log.csv) and the <see cref="RunFolder.ReportFolders"/> (<c>curves/</c>, <c>evals/</c>) — without checkpoints or
/// vocabulary (both reproducible from the config), so that results can be kept in the project under <c>data/runs/</c>.
/// A folder of run folders (a sweep) is copied run by run. Files are written atomically; existing copies are replaced.
/// </summary>
public static class RunExport
{

    /// <summary>Copies <paramref name="source"/> (a run folder, or a folder of them) into <paramref name="target"/>; returns the runs copied.</summary>
    public static IReadOnlyList<string> Copy(string source, string target)
    {
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"{source}: no such folder.");
        if (RunFolder.IsRun(source))
        {
            CopyRun(source, target);
            return [Path.GetFileName(Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar))];
        }
        var runs = Directory.GetDirectories(source).Where(RunFolder.IsRun).Order(StringComparer.Ordinal).ToList();
        if (runs.Count == 0) throw new InvalidDataException($"{source} is neither a run folder (no {RunFolder.MetricsFile}) nor a folder of run folders.");
        foreach (var run in runs) CopyRun(run, Path.Combine(target, Path.GetFileName(run)));
        return [.. runs.Select(Path.GetFileName).OfType<string>()];
    }

    private static void CopyRun(string run, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var name in RunFolder.RecordFiles)
            CopyFile(Path.Combine(run, name), Path.Combine(target, name));
        foreach (var folder in RunFolder.ReportFolders)
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
