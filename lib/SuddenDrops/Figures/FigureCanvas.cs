using DynamicObj;
using Plotly.NET;

namespace SuddenDrops.Figures;

/// <summary>
/// Builds one plotly figure from panels, traces, shapes and annotations, written as plotly.js attributes on
/// Plotly.NET's dynamic objects (<see cref="Trace2D"/>, <see cref="Layout"/>), and returns it as a Plotly.NET
/// <see cref="GenericChart"/>. The figure builders use it so that every chart has the same look; missing values
/// (NaN) become JSON nulls, which plotly draws as gaps. No panel is left blank: a panel without data when the chart is
/// built gets a "no data: …" message (<see cref="NoDataReason"/> says why; see <see cref="ToChart"/>).
/// </summary>
internal sealed class FigureCanvas(string title, int width, int height)
{
    private readonly List<Trace> traces = [];
    private readonly List<DynamicObj.DynamicObj> annotations = [];
    private readonly List<DynamicObj.DynamicObj> shapes = [];
    private readonly List<(PanelAxes Axes, PanelBox Box, DynamicObj.DynamicObj X, DynamicObj.DynamicObj Y)> panels = [];
    private readonly HashSet<int> hiddenPanels = [];
    private readonly HashSet<int> panelsWithData = [];
    private readonly HashSet<int> panelsWithMessage = [];
    private readonly Dictionary<int, string> noDataReasons = [];
    private int subtitles;

    /// <summary>Legend position: at the right of the panels (default) or below them.</summary>
    public bool LegendBelow { get; init; }

    /// <summary>Extra room above the panels, in pixels, for the title and a note line.</summary>
    public int TopMargin { get; init; } = 90;

    /// <summary>
    /// Adds a panel with titled axes; <paramref name="reversedY"/> puts the first category at the top (heatmaps);
    /// <paramref name="stepAxis"/> marks the x axis as training steps, formatted alike in every figure
    /// (<see cref="FigureStyle.StepTickFormat"/>, <see cref="FigureStyle.StepHoverFormat"/>).
    /// </summary>
    public PanelAxes AddPanel(PanelBox box, string title, string xTitle, string yTitle, bool reversedY = false, bool hideAxes = false,
        bool stepAxis = false)
    {
        var axes = new PanelAxes(panels.Count + 1);
        var x = Object(("domain", new[] { box.Left, box.Right }), ("anchor", axes.YRef), ("title", Object(("text", xTitle))),
            ("zeroline", false), ("automargin", true));
        var y = Object(("domain", new[] { box.Bottom, box.Top }), ("anchor", axes.XRef), ("title", Object(("text", yTitle))),
            ("zeroline", false), ("automargin", true));
        if (reversedY) y.SetProperty("autorange", "reversed");
        if (stepAxis)
        {
            x.SetProperty("tickformat", FigureStyle.StepTickFormat);
            x.SetProperty("hoverformat", FigureStyle.StepHoverFormat);
        }
        if (hideAxes) hiddenPanels.Add(axes.Index);
        if (hideAxes)
            foreach (var axis in new[] { x, y })
            {
                axis.SetProperty("visible", false);
                axis.SetProperty("showgrid", false);
            }
        panels.Add((axes, box, x, y));
        if (title.Length > 0)
            annotations.Add(Object(("text", $"<b>{title}</b>"), ("xref", "paper"), ("yref", "paper"), ("x", box.CenterX), ("y", box.Top),
                ("yshift", 8), ("xanchor", "center"), ("yanchor", "bottom"), ("showarrow", false), ("font", Object(("size", 14)))));
        return axes;
    }

    /// <summary>Sets a fixed range on a panel's axis.</summary>
    public void SetRange(PanelAxes panel, bool xAxis, double from, double to)
    {
        var axis = xAxis ? panels[panel.Index - 1].X : panels[panel.Index - 1].Y;
        axis.SetProperty("range", new[] { from, to });
        axis.SetProperty("autorange", false);
    }

    /// <summary>A logarithmic scale on a panel's axis (values ≤ 0 are not drawn).</summary>
    public void SetLogAxis(PanelAxes panel, bool xAxis)
    {
        var axis = xAxis ? panels[panel.Index - 1].X : panels[panel.Index - 1].Y;
        axis.SetProperty("type", "log");
    }

    /// <summary>Why a panel may have nothing to draw, shown as "no data: <paramref name="reason"/>" when it ends up empty.</summary>
    public void NoDataReason(PanelAxes panel, string reason) => noDataReasons[panel.Index] = reason;

    /// <summary>Tick positions and their labels on a panel's axis (e.g. words on a heatmap).</summary>
    public void SetTicks(PanelAxes panel, bool xAxis, IReadOnlyList<double> positions, IReadOnlyList<string> labels, int angle = 0)
    {
        var axis = xAxis ? panels[panel.Index - 1].X : panels[panel.Index - 1].Y;
        axis.SetProperty("tickmode", "array");
        axis.SetProperty("tickvals", positions.ToArray());
        axis.SetProperty("ticktext", labels.ToArray());
        if (angle != 0) axis.SetProperty("tickangle", angle);
    }

    /// <summary>A line (with optional markers at the points) on a panel.</summary>
    public void Line(PanelAxes panel, string name, IReadOnlyList<double> x, IReadOnlyList<double> y, string color,
        double lineWidth = 2, string dash = "solid", string? group = null, bool showLegend = true, bool markers = false,
        IReadOnlyList<string>? hoverText = null)
    {
        var trace = Scatter(panel, name, x, y, markers ? "lines+markers" : "lines", group, showLegend, hoverText);
        trace.SetProperty("line", Object(("color", color), ("width", lineWidth), ("dash", dash)));
        if (markers) trace.SetProperty("marker", Object(("color", color), ("size", 6)));
        traces.Add(trace);
    }

    /// <summary>Markers on a panel, e.g. the onsets ▲ and ⏺.</summary>
    public void Markers(PanelAxes panel, string name, IReadOnlyList<double> x, IReadOnlyList<double> y, string color, string symbol,
        int size = 12, string? group = null, bool showLegend = true, IReadOnlyList<string>? hoverText = null, string outline = "#000000")
    {
        var trace = Scatter(panel, name, x, y, "markers", group, showLegend, hoverText);
        trace.SetProperty("marker", Object(("color", color), ("symbol", symbol), ("size", size),
            ("line", Object(("color", outline), ("width", 1.5)))));
        traces.Add(trace);
    }

    /// <summary>A legend entry without data for a line style (e.g. "seed 1" and its dash).</summary>
    public void LegendLine(string name, string color, string dash, string? group = null)
    {
        var trace = new Trace2D("scatter");
        trace.SetProperty("x", new double?[] { null });
        trace.SetProperty("y", new double?[] { null });
        trace.SetProperty("mode", "lines");
        trace.SetProperty("name", name);
        trace.SetProperty("line", Object(("color", color), ("width", 2), ("dash", dash)));
        if (group is not null) trace.SetProperty("legendgroup", group);
        traces.Add(trace);
    }

    /// <summary>
    /// A filled horizontal band from <paramref name="low"/> to <paramref name="high"/> between x = <paramref name="from"/> and
    /// <paramref name="to"/>, drawn as a trace (not a shape) so that the axis range includes it; no hover.
    /// </summary>
    public void Band(PanelAxes panel, string name, double from, double to, double low, double high, string fill, string? group = null,
        bool showLegend = true)
    {
        var trace = Scatter(panel, name, [from, to, to, from, from], [low, low, high, high, low], "lines", group, showLegend, null);
        trace.SetProperty("fill", "toself");
        trace.SetProperty("fillcolor", fill);
        trace.SetProperty("line", Object(("width", 0)));
        trace.SetProperty("hoverinfo", "skip");
        traces.Add(trace);
    }

    /// <summary>A legend entry without data (for symbols explained once, e.g. "▲ structure onset").</summary>
    public void LegendEntry(string name, string color, string symbol, string? group = null)
    {
        var trace = new Trace2D("scatter");
        trace.SetProperty("x", new double?[] { null });
        trace.SetProperty("y", new double?[] { null });
        trace.SetProperty("mode", "markers");
        trace.SetProperty("name", name);
        trace.SetProperty("marker", Object(("color", color), ("symbol", symbol), ("size", 12), ("line", Object(("color", "#000000"), ("width", 1.5)))));
        if (group is not null) trace.SetProperty("legendgroup", group);
        traces.Add(trace);
    }

    /// <summary>A heatmap on a panel: z[row][column], rows at y = 0…, columns at x = 0….</summary>
    public void Heatmap(PanelAxes panel, string name, double[][] z, IReadOnlyList<(double Position, string Color)> colorScale, double zMin, double zMax, string colorBarTitle,
        double colorBarX, IReadOnlyList<IReadOnlyList<string>>? hoverText = null)
    {
        var trace = new Trace2D("heatmap");
        trace.SetProperty("z", z);
        trace.SetProperty("name", name);
        trace.SetProperty("xaxis", panel.XRef);
        trace.SetProperty("yaxis", panel.YRef);
        trace.SetProperty("colorscale", colorScale.Select(stop => new object[] { stop.Position, stop.Color }).ToArray());
        trace.SetProperty("zmin", zMin);
        trace.SetProperty("zmax", zMax);
        if (z.Length > 0) panelsWithData.Add(panel.Index);
        trace.SetProperty("colorbar", Object(("title", Object(("text", colorBarTitle))), ("x", colorBarX), ("len", 0.8), ("thickness", 14)));
        if (hoverText is not null)
        {
            trace.SetProperty("text", hoverText.Select(row => row.ToArray()).ToArray());
            trace.SetProperty("hoverinfo", "text");
        }
        traces.Add(trace);
    }

    /// <summary>Text at a data position of a panel (plotly annotation without arrow).</summary>
    public void Text(PanelAxes panel, double x, double y, string text, int size = 12, string color = "#000000",
        string? background = null, string yAnchor = "middle", string xAnchor = "center", int angle = 0)
    {
        var annotation = Object(("text", text), ("xref", panel.XRef), ("yref", panel.YRef), ("x", x), ("y", y), ("showarrow", false),
            ("xanchor", xAnchor), ("yanchor", yAnchor), ("font", Object(("size", size), ("color", color))));
        if (background is not null) annotation.SetProperty("bgcolor", background);
        if (angle != 0) annotation.SetProperty("textangle", angle);
        annotations.Add(annotation);
        panelsWithData.Add(panel.Index);
    }

    /// <summary>A vertical line across a whole panel at data x.</summary>
    public void VerticalLine(PanelAxes panel, double x, string color, string dash = "dot", double lineWidth = 1.5) =>
        shapes.Add(Object(("type", "line"), ("xref", panel.XRef), ("yref", $"{panel.YRef} domain"), ("x0", x), ("x1", x), ("y0", 0), ("y1", 1),
            ("line", Object(("color", color), ("width", lineWidth), ("dash", dash)))));

    /// <summary>A horizontal line across a whole panel at data y.</summary>
    public void HorizontalLine(PanelAxes panel, double y, string color, string dash = "dash", double lineWidth = 1.5) =>
        shapes.Add(Object(("type", "line"), ("xref", $"{panel.XRef} domain"), ("yref", panel.YRef), ("x0", 0), ("x1", 1), ("y0", y), ("y1", y),
            ("line", Object(("color", color), ("width", lineWidth), ("dash", dash)))));

    /// <summary>An unfilled rectangle in data coordinates (e.g. a gold cell of a heatmap).</summary>
    public void Rectangle(PanelAxes panel, double x0, double y0, double x1, double y1, string color, double lineWidth = 2) =>
        shapes.Add(Object(("type", "rect"), ("xref", panel.XRef), ("yref", panel.YRef), ("x0", x0), ("x1", x1), ("y0", y0), ("y1", y1),
            ("line", Object(("color", color), ("width", lineWidth)))));

    /// <summary>
    /// A note under the figure title, left-aligned (e.g. "BLiMP was not measured in these runs"), above the notes added before
    /// it; makes room for itself, one line per <c>&lt;br&gt;</c> it holds (<see cref="PlotText.Wrap"/>).
    /// </summary>
    public void Subtitle(string text, string color = "#444444")
    {
        var shift = 26 + 18 * (subtitles + 1);
        subtitles += text.Split("<br>").Length;
        annotations.Add(Object(("text", text), ("xref", "paper"), ("yref", "paper"), ("x", 0), ("y", 1), ("yshift", shift),
            ("showarrow", false), ("xanchor", "left"), ("yanchor", "bottom"), ("align", "left"), ("font", Object(("size", 12), ("color", color)))));
    }

    /// <summary>A message in the middle of the plotting area, for a figure with nothing to draw.</summary>
    public void Message(string text) =>
        annotations.Add(Object(("text", text), ("xref", "paper"), ("yref", "paper"), ("x", 0.5), ("y", 0.5), ("showarrow", false),
            ("xanchor", "center"), ("yanchor", "middle"), ("align", "center"), ("font", Object(("size", 15), ("color", "#b22222")))));

    /// <summary>A message in the middle of one panel (e.g. "GLUE: no data: …"), wrapped to the panel's width.</summary>
    public void PanelMessage(PanelAxes panel, string text)
    {
        panelsWithMessage.Add(panel.Index);
        var box = panels[panel.Index - 1].Box;
        // About 7.5 pixels per character at size 13: wrap to the panel's width.
        var characters = Math.Max(20, (int)((box.Right - box.Left) * (width - 100) / 7.5));
        annotations.Add(Object(("text", PlotText.Wrap(text, characters)), ("xref", "paper"), ("yref", "paper"), ("x", box.CenterX), ("y", (box.Bottom + box.Top) / 2),
            ("showarrow", false), ("xanchor", "center"), ("yanchor", "middle"), ("font", Object(("size", 13), ("color", "#b22222")))));
    }

    /// <summary>A figure with one empty panel and <paramref name="message"/> (wrapped) in its middle.</summary>
    public static Plotly.NET.GenericChart Empty(string title, string message, int width = 1000, int height = 420)
    {
        var canvas = new FigureCanvas(title, width, height);
        var panel = canvas.AddPanel(PanelBox.Whole, "", "", "", hideAxes: true);
        canvas.SetRange(panel, xAxis: true, 0, 1);
        canvas.SetRange(panel, xAxis: false, 0, 1);
        canvas.Message(PlotText.Wrap(message, 95));
        return canvas.ToChart();
    }

    /// <summary>
    /// The figure as a Plotly.NET chart with Plotly.NET's default template (white background, grid). A visible panel
    /// with no data and no message of its own gets "no data: " and its <see cref="NoDataReason"/> in its middle.
    /// </summary>
    public GenericChart ToChart()
    {
        foreach (var (axes, _, _, _) in panels)
            if (!hiddenPanels.Contains(axes.Index) && !panelsWithData.Contains(axes.Index) && !panelsWithMessage.Contains(axes.Index))
                PanelMessage(axes, "no data: " + noDataReasons.GetValueOrDefault(axes.Index, "nothing was measured for this panel in these runs"));
        var chart = GenericChart.ofTraceObjects(true, traces);
        var layout = GenericChart.getLayout(chart);
        layout.SetProperty("title", Object(("text", title), ("x", 0.01), ("xanchor", "left"), ("y", 1), ("yref", "container"), ("yanchor", "top"),
            ("pad", Object(("t", 14))), ("font", Object(("size", 17)))));
        layout.SetProperty("width", width);
        layout.SetProperty("height", height);
        layout.SetProperty("margin", Object(("l", 70), ("r", 30), ("t", TopMargin + 18 * subtitles), ("b", LegendBelow ? 40 : 60)));
        layout.SetProperty("legend", LegendBelow
            ? Object(("orientation", "h"), ("x", 0), ("y", -0.18), ("yanchor", "top"))
            : Object(("orientation", "v"), ("x", 1.02), ("y", 1), ("yanchor", "top")));
        layout.SetProperty("hovermode", "closest");
        foreach (var (axes, _, x, y) in panels)
        {
            layout.SetProperty(axes.XAxisKey, x);
            layout.SetProperty(axes.YAxisKey, y);
        }
        layout.SetProperty("annotations", annotations.ToArray());
        layout.SetProperty("shapes", shapes.ToArray());
        return GenericChart.setLayout(layout, chart);
    }

    private Trace2D Scatter(PanelAxes panel, string name, IReadOnlyList<double> x, IReadOnlyList<double> y, string mode,
        string? group, bool showLegend, IReadOnlyList<string>? hoverText)
    {
        var trace = new Trace2D("scatter");
        if (y.Any(double.IsFinite)) panelsWithData.Add(panel.Index);
        trace.SetProperty("x", Nullable(x));
        trace.SetProperty("y", Nullable(y));
        trace.SetProperty("mode", mode);
        trace.SetProperty("name", name);
        trace.SetProperty("xaxis", panel.XRef);
        trace.SetProperty("yaxis", panel.YRef);
        trace.SetProperty("showlegend", showLegend);
        if (group is not null) trace.SetProperty("legendgroup", group);
        if (hoverText is not null)
        {
            trace.SetProperty("text", hoverText.ToArray());
            trace.SetProperty("hovertemplate", "%{text}<extra></extra>");
        }
        return trace;
    }

    /// <summary>Values with NaN and infinities as nulls (JSON has no NaN; plotly leaves a gap).</summary>
    private static double?[] Nullable(IReadOnlyList<double> values) =>
        [.. values.Select(v => double.IsFinite(v) ? v : (double?)null)];

    private static DynamicObj.DynamicObj Object(params (string Name, object Value)[] properties)
    {
        var result = new DynamicObj.DynamicObj();
        foreach (var (name, value) in properties) result.SetProperty(name, value);
        return result;
    }
}
