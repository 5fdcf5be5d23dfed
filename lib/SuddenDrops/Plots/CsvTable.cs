using SuddenDrops.Data;

namespace SuddenDrops.Plots;

/// <summary>A small CSV file read as text cells (no quoting: the tables our tools write have none), for report tables.</summary>
/// <param name="Header">Column names.</param>
/// <param name="Rows">Cells of each data row.</param>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Reads <paramref name="path"/>; a row whose cell count differs from the header's is an error naming the line.</summary>
    public static CsvTable Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new DataFormatException(path, 1, "empty file: expected a header row");
        var header = lines[0].Split(',');
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var cells = lines[i].Split(',');
            if (cells.Length != header.Length)
                throw new DataFormatException(path, i + 1, $"{cells.Length} cells for {header.Length} columns");
            rows.Add(cells);
        }
        return new CsvTable(header, rows);
    }
}
