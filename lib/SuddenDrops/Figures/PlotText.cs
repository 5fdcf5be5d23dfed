namespace SuddenDrops.Figures;

/// <summary>Text for plotly annotations, which break lines only at &lt;br&gt;.</summary>
internal static class PlotText
{
    /// <summary>Breaks <paramref name="text"/> into lines of about <paramref name="width"/> characters at spaces.</summary>
    public static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                lines.Add(line);
                line = "";
            }
            line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) lines.Add(line);
        return string.Join("<br>", lines);
    }
}
