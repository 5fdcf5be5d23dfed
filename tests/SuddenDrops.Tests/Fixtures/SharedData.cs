using SuddenDrops.Data;

namespace SuddenDrops.Tests.Fixtures;

/// <summary>
/// The read-only shared data folder, <c>../shared/data</c> next to the project root (<see cref="Notebooks.RepositoryLayout"/>):
/// the one place the tests locate it. Tests fail, never skip, when it is missing.
/// </summary>
internal static class SharedData
{
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Find()
    {
        var root = Path.GetFullPath(Path.Combine(Notebooks.RepositoryLayout.Root, "..", "shared", "data"));
        return Directory.Exists(root) ? root : throw new DirectoryNotFoundException($"shared data folder {root} is missing");
    }
}
