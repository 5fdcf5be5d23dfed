namespace SuddenDrops.Tests.Notebooks;

/// <summary>Folders of the repository the tests run in: the root holds Notebooks.sln.</summary>
internal static class RepositoryLayout
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary>The folder the notebooks <c>#r</c> the library from (see notebooks/99-host-check.ipynb).</summary>
    public static string ReleaseOutput => Path.Combine(Root, "lib", "SuddenDrops.Cli", "bin", "Release", "net10.0");

    public static string ToolManifest => Path.Combine(Root, ".config", "dotnet-tools.json");

    private static string FindRoot() =>
        SuddenDrops.Data.ProjectRoot.FindFrom(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException($"No folder holding {SuddenDrops.Data.ProjectRoot.MarkerFile} above {AppContext.BaseDirectory}.");
}
