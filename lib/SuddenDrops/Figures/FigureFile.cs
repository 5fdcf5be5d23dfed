using System.Text;
using Plotly.NET;

namespace SuddenDrops.Figures;

/// <summary>
/// Saves a Plotly.NET chart as a self-contained HTML page (plotly.js inlined, opens offline) and,
/// optionally, as a PNG rendered by headless Chromium. Both files are written atomically: readers
/// see the old file or the complete new one, never a partial write.
/// </summary>
public static class FigureFile
{
    /// <summary>Plotly.NET's default chart size (its Defaults layout), used when the layout sets none.</summary>
    public const int DefaultSize = 600;

    /// <summary>Room around the chart in the screenshot window: the page body's default 8 px margin on each side.</summary>
    private const int PageMargin = 16;

    /// <summary>Hides plotly's hover toolbar in screenshots; the saved page keeps it.</summary>
    private const string ScreenshotStyle = "<style>.modebar-container{display:none !important;}</style>";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="htmlPath"/> and, when <paramref name="pngPath"/> is given, a screenshot of it.
    /// Missing folders are created.
    /// </summary>
    public static SavedFigure Save(GenericChart chart, string htmlPath, string? pngPath = null)
    {
        var (width, height) = SizeOf(chart);
        var html = Path.GetFullPath(htmlPath);
        var page = ChartHtml.SelfContained(chart);
        WriteAtomically(html, temp => File.WriteAllText(temp, page, Utf8));
        string? png = null;
        if (pngPath is not null)
        {
            png = Path.GetFullPath(pngPath);
            WriteAtomically(png, temp => Screenshot(page, temp, width + PageMargin, height + PageMargin));
        }
        return new SavedFigure(html, png, width, height);
    }

    /// <summary>Screenshots <paramref name="page"/> without its toolbar, through a temporary copy beside the PNG.</summary>
    private static void Screenshot(string page, string pngPath, int width, int height)
    {
        var shot = Path.ChangeExtension(pngPath, ".screenshot.html");
        try
        {
            var headEnd = page.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
            File.WriteAllText(shot, headEnd < 0 ? ScreenshotStyle + page : page.Insert(headEnd, ScreenshotStyle), Utf8);
            HeadlessChromium.Screenshot(shot, pngPath, width, height);
        }
        finally
        {
            File.Delete(shot);
        }
    }

    /// <summary>The chart's layout width and height, each defaulting to <see cref="DefaultSize"/>.</summary>
    public static (int Width, int Height) SizeOf(GenericChart chart)
    {
        var size = GenericChart.tryGetLayoutSize(chart);
        return (size.Item1?.Value ?? DefaultSize, size.Item2?.Value ?? DefaultSize);
    }

    /// <summary>Lets <paramref name="write"/> fill a temporary file beside <paramref name="path"/>, then moves it over <paramref name="path"/>.</summary>
    private static void WriteAtomically(string path, Action<string> write)
    {
        var folder = Path.GetDirectoryName(path) ?? throw new ArgumentException($"{path}: not a file path.", nameof(path));
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(path)}");
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
