using Plotly.NET;
using SuddenDrops.Figures;

namespace SuddenDrops.Tests.Notebooks;

public sealed class FigureFileTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sdrops-figure-test-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void Saved_html_inlines_plotly_js_and_references_nothing_online()
    {
        var html = Path.Combine(folder.FullName, "sub", "chart.html");

        var saved = FigureFile.Save(TestCharts.RedLine(), html);

        var page = File.ReadAllText(html);
        Assert.Equal(html, saved.HtmlPath);
        Assert.Null(saved.PngPath);
        Assert.Contains($"plotly.js v{Globals.PLOTLYJS_VERSION}", page);
        Assert.Contains("Plotly.newPlot(", page);
        Assert.True(page.Length > 3_000_000, $"{html} has {page.Length} characters; plotly.js alone is about 3.6 MB");
        // plotly.js itself mentions its CDN (default topojson URL); what must be absent is any script loaded from outside.
        Assert.DoesNotContain(ChartHtml.PlotlyCdnModule, page);
        Assert.DoesNotMatch(@"<script[^>]*\ssrc\s*=", page);
        Assert.DoesNotContain("require.min.js", page);
        Assert.Equal(["chart.html"], Directory.GetFiles(Path.GetDirectoryName(html)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Saving_leaves_the_chart_referencing_plotly_as_before()
    {
        var chart = TestCharts.RedLine();
        var before = DisplayOptions.tryGetPlotlyReference(GenericChart.getDisplayOptions(chart))?.Value;

        FigureFile.Save(chart, Path.Combine(folder.FullName, "chart.html"));

        Assert.NotNull(before);
        Assert.Equal(before, DisplayOptions.tryGetPlotlyReference(GenericChart.getDisplayOptions(chart))?.Value);
        var pageAsBefore = GenericChart.toEmbeddedHTML(chart);
        Assert.DoesNotContain("plotly.js v", pageAsBefore);
        Assert.Matches(@"<script[^>]*\ssrc\s*=", pageAsBefore); // the CDN reference the saved file must not have

    }

    [Fact]
    public void Saving_again_replaces_the_file_and_leaves_no_temporary_files()
    {
        var html = Path.Combine(folder.FullName, "chart.html");
        FigureFile.Save(TestCharts.RedLine(slope: 1.0), html);

        FigureFile.Save(TestCharts.RedLine(slope: 7.5), html);

        var page = File.ReadAllText(html);
        Assert.Contains("\"y\":[0.0,7.5,15.0,", page);
        Assert.DoesNotContain("\"y\":[0.0,1.0,2.0,", page);
        Assert.Equal(["chart.html"], folder.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void Saved_png_shows_the_drawn_line()
    {
        var html = Path.Combine(folder.FullName, "chart.html");
        var png = Path.Combine(folder.FullName, "chart.png");

        var saved = FigureFile.Save(TestCharts.RedLine(), html, png);

        var image = PngImage.Load(png);
        Assert.Equal((500, 300), (saved.Width, saved.Height));
        Assert.Equal((516, 316), (image.Width, image.Height)); // the chart plus the page's 8 px body margin on each side
        var red = image.Count(TestCharts.IsLineRed);
        var notWhite = image.Count(p => p.R < 250 || p.G < 250 || p.B < 250);
        // A 6 px line over a ~400 px wide plot area covers a few thousand pixels; axes and grid add more non-white ones.
        Assert.InRange(red, 1500, 20_000);
        Assert.True(notWhite > red, $"only the line is drawn ({notWhite} non-white pixels, {red} red)");
        Assert.Equal(["chart.html", "chart.png"], folder.GetFiles().Select(f => f.Name).Order());
    }

    [Fact]
    public void Notebook_fragment_loads_plotly_through_require_and_is_no_page()
    {
        var fragment = ChartHtml.ForNotebook(TestCharts.RedLine());

        Assert.StartsWith("<div>", fragment);
        Assert.DoesNotContain("<html", fragment);
        Assert.Contains($"paths:{{plotly:'{ChartHtml.PlotlyCdnModule}'}}", fragment);
        Assert.Contains("Plotly.newPlot(", fragment);
    }

    [Fact]
    public void Size_defaults_to_plotly_net_default_when_the_layout_sets_none()
    {
        var unsized = Plotly.NET.CSharp.Chart.Point<double, double, string>(x: [1.0, 2.0], y: [3.0, 4.0]);

        Assert.Equal((600, 600), FigureFile.SizeOf(unsized));
        Assert.Equal((500, 300), FigureFile.SizeOf(TestCharts.RedLine()));
    }
}
