using System.Text;

namespace SuddenDrops.Plots;

/// <summary>A GitHub-flavoured markdown table: a header row and rows of cells, rendered with <c>|</c> separators.</summary>
/// <param name="Header">Column titles.</param>
/// <param name="Rows">Cells, one array per row, each as long as <paramref name="Header"/>.</param>
public sealed record MarkdownTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The table as markdown lines ending in a newline; pipes inside cells are escaped.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.Append(Line(Header)).Append('\n');
        text.Append(Line(Header.Select(_ => "---").ToList())).Append('\n');
        foreach (var row in Rows)
        {
            if (row.Count != Header.Count)
                throw new ArgumentException($"A row has {row.Count} cells for {Header.Count} columns: {string.Join(" | ", row)}");
            text.Append(Line(row)).Append('\n');
        }
        return text.ToString();
    }

    private static string Line(IReadOnlyList<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|"))) + " |";
}
