using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

/// <summary>The read-only shared data folder, <c>../shared/data</c> next to the project root (found from the test assembly).</summary>
internal static class SharedData
{
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Find()
    {
        var project = ProjectRoot.FindFrom(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"no {ProjectRoot.MarkerFile} above {AppContext.BaseDirectory}");
        var root = Path.GetFullPath(Path.Combine(project, "..", "shared", "data"));
        return Directory.Exists(root) ? root : throw new DirectoryNotFoundException($"shared data folder {root} is missing");
    }
}
