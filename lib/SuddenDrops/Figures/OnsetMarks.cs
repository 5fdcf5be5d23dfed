using System.Globalization;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;

namespace SuddenDrops.Figures;

/// <summary>
/// Draws the structure onset ▲ and capabilities onset ⏺ of a run on a panel of a <see cref="FigureCanvas"/>, only where
/// they are significant by the verdict rule (<see cref="MarkedOnsets"/>: UAS rise ≥ <see cref="OnsetOptions.UasVerdictMinRise"/>);
/// the legend says so, and runs whose onsets are not marked are named with the reason.
/// </summary>
internal static class OnsetMarks
{
    public const string LegendGroup = "onsets";

    /// <summary>The rule under which ▲ and ⏺ are marked, for legends and notes.</summary>
    public static string Rule { get; } =
        string.Create(CultureInfo.InvariantCulture, $"UAS rise ≥ {OnsetOptions.UasVerdictMinRise:0.00}");

    /// <summary>The two legend entries that explain the symbols, once per figure.</summary>
    public static void Explain(FigureCanvas canvas)
    {
        canvas.LegendEntry($"{FigureStyle.StructureOnsetGlyph} structure onset ({Rule})", "#ffffff", FigureStyle.StructureOnsetSymbol, LegendGroup);
        canvas.LegendEntry($"{FigureStyle.CapabilitiesOnsetGlyph} capabilities onset", "#ffffff", FigureStyle.CapabilitiesOnsetSymbol, LegendGroup);
    }

    /// <summary>
    /// A note under the title naming the runs whose ▲/⏺ are not marked and why (nothing when all are marked), e.g.
    /// "▲/● not marked (rule: UAS rise ≥ 0.05): sas+-s0 (UAS rise 0.021 &lt; 0.05)".
    /// </summary>
    public static void ExplainUnmarked(FigureCanvas canvas, IEnumerable<MarkedOnsets> onsets)
    {
        var unmarked = onsets.Where(o => !o.IsMarked).Select(o => $"{o.Run} ({o.NotMarkedReason})").ToList();
        if (unmarked.Count > 0)
            canvas.Subtitle(PlotText.Wrap($"{FigureStyle.StructureOnsetGlyph}/{FigureStyle.CapabilitiesOnsetGlyph} not marked (rule: {Rule}): " +
                                          string.Join(", ", unmarked), 150));
    }

    /// <summary>Hover text of each point of a run's curve: run, step, value and, when its onsets are not marked, why.</summary>
    public static IReadOnlyList<string> CurveHover(MarkedOnsets onsets, MetricSeries series, string metricName, Func<double, string>? extra = null) =>
    [
        .. series.Steps.Zip(series.Values, (step, value) => string.Create(CultureInfo.InvariantCulture,
            $"{onsets.Run}<br>step {step:N0}<br>{metricName} {value:G4}{extra?.Invoke(value)}{NotMarkedNote(onsets)}")),
    ];

    /// <summary>▲ and ⏺ on the curve of <paramref name="series"/> (its value there, interpolated) in the run's colour.</summary>
    public static void OnCurve(FigureCanvas canvas, PanelAxes panel, MarkedOnsets onsets, MetricSeries series, string color, string metricName)
    {
        Mark(canvas, panel, onsets, series, color, metricName, onsets.StructureOnsetStep, FigureStyle.StructureOnsetSymbol, "structure onset");
        Mark(canvas, panel, onsets, series, color, metricName, onsets.CapabilitiesOnsetStep, FigureStyle.CapabilitiesOnsetSymbol, "capabilities onset");
    }

    /// <summary>▲ and ⏺ as vertical lines across the panel (for panels with several curves per run).</summary>
    public static void AsLines(FigureCanvas canvas, PanelAxes panel, MarkedOnsets onsets, string color)
    {
        if (onsets.StructureOnsetStep is double structure) canvas.VerticalLine(panel, structure, color, "dash");
        if (onsets.CapabilitiesOnsetStep is double capabilities) canvas.VerticalLine(panel, capabilities, color, "dot");
    }

    private static string NotMarkedNote(MarkedOnsets onsets) => onsets.IsMarked
        ? ""
        : $"<br>{FigureStyle.StructureOnsetGlyph}/{FigureStyle.CapabilitiesOnsetGlyph} not marked: {onsets.NotMarkedReason}";

    private static void Mark(FigureCanvas canvas, PanelAxes panel, MarkedOnsets onsets, MetricSeries series, string color,
        string metricName, double? step, string symbol, string what)
    {
        if (step is not double s || series.At(s) is not double value) return;
        var hover = string.Create(CultureInfo.InvariantCulture, $"{onsets.Run}: {what} at step {s:N0}<br>{metricName} {value:G4}");
        canvas.Markers(panel, $"{onsets.Run} {what}", [s], [value], color, symbol, group: LegendGroup, showLegend: false, hoverText: [hover]);
    }
}
