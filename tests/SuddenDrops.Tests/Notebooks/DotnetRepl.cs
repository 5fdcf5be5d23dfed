namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// Runs a notebook top to bottom in the pinned dotnet-repl, headless:
/// <c>dotnet tool run dotnet-repl --run NOTEBOOK --exit-after-run --output-path OUT.ipynb</c>, from the notebook's folder
/// (the working directory Polyglot Notebooks gives a kernel, so relative <c>#r</c> paths resolve the same way).
/// </summary>
/// <remarks>
/// dotnet-repl 0.3.259 runs every cell even after one fails, writes the executed notebook (with outputs,
/// including <c>"output_type": "error"</c> ones) to the output path, and exits with 2 when any cell failed, 0 otherwise.
/// </remarks>
internal static class DotnetRepl
{
    public static (ProcessResult Process, IpynbNotebook Executed) Run(string notebookPath, string executedPath,
        IReadOnlyDictionary<string, string?> environment, TimeSpan limit)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        File.Delete(executedPath);
        var process = ExternalProcess.Run("dotnet",
            ["tool", "run", "dotnet-repl", "--run", Path.GetFileName(notebookPath), "--exit-after-run", "--output-path", executedPath],
            folder, limit, environment);
        if (!File.Exists(executedPath))
            throw new InvalidOperationException($"dotnet-repl wrote no executed notebook to {executedPath}. {process.Describe()}");
        return (process, IpynbNotebook.Load(executedPath));
    }
}
