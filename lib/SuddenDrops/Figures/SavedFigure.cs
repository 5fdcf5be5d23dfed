namespace SuddenDrops.Figures;

/// <summary>Where <see cref="FigureFile.Save"/> wrote a figure.</summary>
/// <param name="HtmlPath">Full path of the self-contained HTML page.</param>
/// <param name="PngPath">Full path of the PNG screenshot, or null when none was asked for.</param>
/// <param name="Width">Chart width in CSS pixels (the layout's, else Plotly.NET's default 600).</param>
/// <param name="Height">Chart height in CSS pixels (the layout's, else Plotly.NET's default 600).</param>
public sealed record SavedFigure(string HtmlPath, string? PngPath, int Width, int Height)
{
    /// <summary>One line saying where the figure went, for a notebook cell's output.</summary>
    public string Summary => PngPath is null
        ? $"saved {HtmlPath} (self-contained: plotly.js inlined, opens offline)"
        : $"saved {HtmlPath} (self-contained: plotly.js inlined, opens offline) and {Path.GetFileName(PngPath)} beside it";

    /// <summary>The PNG as base64, for a static image in a notebook (<c>saved.Png.DisplayAs("image/png")</c>): what GitHub and
    /// an unbuilt VS Code show of a committed notebook, where the interactive chart cannot be drawn.</summary>
    public string Png => PngPath is null ? throw new InvalidOperationException($"{HtmlPath} was saved without a PNG.") : Convert.ToBase64String(File.ReadAllBytes(PngPath));
}
