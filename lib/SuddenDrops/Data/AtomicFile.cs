namespace SuddenDrops.Data;

/// <summary>Writes files so that a crash leaves either the old or the new content, never half of one.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content)
    {
        var tmp = TempPath(path);
        File.WriteAllText(tmp, content);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Runs <paramref name="write"/> on a temporary path, then renames it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        var tmp = TempPath(path);
        try
        {
            write(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    private static string TempPath(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
    }
}
