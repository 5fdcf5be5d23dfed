using Microsoft.FSharp.Core;
using Plotly.NET;

namespace SuddenDrops.Figures;

/// <summary>
/// HTML renderings of a Plotly.NET chart: a self-contained page for files, a fragment for notebook output.
/// </summary>
public static class ChartHtml
{
    /// <summary>
    /// A complete HTML page with plotly.js inlined (the copy embedded in Plotly.NET, about 3.6 MB),
    /// so the file opens offline. The chart's own display options (title, description) are kept;
    /// the chart passed in is not changed.
    /// </summary>
    public static string SelfContained(GenericChart chart) =>
        GenericChart.toEmbeddedHTML(WithPlotlyReference(chart, PlotlyJSReference.Full));

    /// <summary>
    /// A div and script for a notebook cell's output (<c>display(HTML(ChartHtml.ForNotebook(chart)))</c>).
    /// Like Plotly.NET.Interactive, it loads plotly.js through require.js from the plotly CDN, so the
    /// inline chart draws only where the notebook front end can reach it; saved files use <see cref="SelfContained"/>.
    /// </summary>
    public static string ForNotebook(GenericChart chart) =>
        GenericChart.toChartHTML(WithPlotlyReference(chart, PlotlyJSReference.NewRequire(PlotlyCdnModule)));

    /// <summary>The require.js module path of the plotly.js version Plotly.NET ships (no ".js").</summary>
    public static string PlotlyCdnModule => $"https://cdn.plot.ly/plotly-{Globals.PLOTLYJS_VERSION}.min";

    /// <summary>A copy of the chart whose display options reference plotly.js as given.</summary>
    private static GenericChart WithPlotlyReference(GenericChart chart, PlotlyJSReference reference)
    {
        // DisplayOptions.combine copies the second options into the first and returns the first,
        // so start from a fresh object to leave the caller's chart untouched.
        var options = DisplayOptions.combine(EmptyOptions(), GenericChart.getDisplayOptions(chart));
        options = DisplayOptions.combine(options, EmptyOptions(FSharpOption<PlotlyJSReference>.Some(reference)));
        return GenericChart.setDisplayOptions(options, chart);
    }

    private static DisplayOptions EmptyOptions(FSharpOption<PlotlyJSReference>? reference = null) =>
        DisplayOptions.init(null, null, null, null, null, null, reference);
}
