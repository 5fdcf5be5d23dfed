namespace SuddenDrops.Tests.Fixtures;

/// <summary>
/// A fresh folder under the system temp folder (named <paramref name="prefix"/> and a random suffix), deleted with
/// everything in it on dispose: the one temp-folder helper of the tests.
/// </summary>
internal sealed class TempFolder(string prefix = "sdrops-tests-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/> (creating folders) and returns the full path.</summary>
    public string Write(string relative, string text)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="relative"/> (creating folders) and returns the full path.</summary>
    public string Write(string relative, byte[] bytes)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public string PathOf(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
