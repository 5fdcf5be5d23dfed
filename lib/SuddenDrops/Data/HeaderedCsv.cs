namespace SuddenDrops.Data;

/// <summary>Reading a CSV table that one type writes with a fixed header: the header checked, blank lines skipped, every other
/// line parsed by the table's owner with its file and line number for error messages.</summary>
public static class HeaderedCsv
{
    /// <summary>The parsed rows of <paramref name="path"/>.</summary>
    /// <param name="parse">(file, line number, line) → row; throws <see cref="DataFormatException"/> for a bad line.</param>
    /// <exception cref="DataFormatException">Another header, or an empty file.</exception>
    public static List<T> Read<T>(string path, string header, Func<string, int, string, T> parse)
    {
        var rows = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                if (line != header) throw new DataFormatException(path, 1, $"expected the header '{header}', found '{line}'");
                continue;
            }
            if (line.Length == 0) continue;
            rows.Add(parse(path, lineNumber, line));
        }
        if (lineNumber == 0) throw new DataFormatException(path, 1, "empty file: expected a header row");
        return rows;
    }
}
