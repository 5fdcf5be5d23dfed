namespace SuddenDrops.Tests.Data;

/// <summary>
/// Locates the shared, read-only data (<c>../shared/data</c> next to the project root, the folder that holds
/// <c>Notebooks.sln</c>) by walking up from the test assembly's folder. Tests fail, never skip, when it is missing.
/// </summary>
internal static class BenchmarkDataFolder
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The shared data folder.</summary>
    public static string Path => Root.Value;

    public static string Blimp => System.IO.Path.Combine(Path, "blimp", "data");

    public static string Glue => System.IO.Path.Combine(Path, "glue");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(directory.FullName, "Notebooks.sln")))
                continue;
            var data = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "data"));
            return Directory.Exists(data)
                ? data
                : throw new DirectoryNotFoundException($"Shared data folder {data} (next to the project root) is missing");
        }
        throw new DirectoryNotFoundException($"No Notebooks.sln above {AppContext.BaseDirectory}");
    }
}
