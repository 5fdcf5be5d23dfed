namespace SuddenDrops.Data;

/// <summary>Finds the project's root folder: the nearest folder, walking up, that holds <see cref="MarkerFile"/>.</summary>
public static class ProjectRoot
{
    /// <summary>The solution file at the root of the project.</summary>
    public const string MarkerFile = "Notebooks.sln";

    /// <summary>The project root above the current directory, else above the running program's folder; null if neither has one.</summary>
    public static string? Find() => FindFrom(Environment.CurrentDirectory) ?? FindFrom(AppContext.BaseDirectory);

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <see cref="MarkerFile"/>, or null.</summary>
    public static string? FindFrom(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, MarkerFile)))
                return folder.FullName;
        return null;
    }
}
