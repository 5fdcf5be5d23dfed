using System.Net;
using System.Text;

namespace SuddenDrops.Analysis;

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

    /// <summary>The same table as an HTML <c>&lt;table&gt;</c> (cells escaped), for a notebook's output.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var title in Header) html.Append("<th>").Append(WebUtility.HtmlEncode(title)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string Line(IReadOnlyList<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|"))) + " |";
}
