using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Runs;

namespace SuddenDrops.Figures;

/// <summary>Draws the structure onset ▲ and capabilities onset ⏺ of a run on a panel of a <see cref="FigureCanvas"/>.</summary>
internal static class OnsetMarks
{
    public const string LegendGroup = "onsets";

    /// <summary>The two legend entries that explain the symbols, once per figure.</summary>
    public static void Explain(FigureCanvas canvas)
    {
        canvas.LegendEntry($"{FigureStyle.StructureOnsetGlyph} structure onset", "#ffffff", FigureStyle.StructureOnsetSymbol, LegendGroup);
        canvas.LegendEntry($"{FigureStyle.CapabilitiesOnsetGlyph} capabilities onset", "#ffffff", FigureStyle.CapabilitiesOnsetSymbol, LegendGroup);
    }

    /// <summary>▲ and ⏺ on the curve of <paramref name="series"/> (its value there, interpolated) in the run's colour.</summary>
    public static void OnCurve(FigureCanvas canvas, PanelAxes panel, TransitionSummary summary, MetricSeries series, string color, string metricName)
    {
        Mark(canvas, panel, summary, series, color, metricName, summary.StructureOnsetStep, FigureStyle.StructureOnsetSymbol, "structure onset");
        Mark(canvas, panel, summary, series, color, metricName, summary.CapabilitiesOnsetStep, FigureStyle.CapabilitiesOnsetSymbol, "capabilities onset");
    }

    /// <summary>▲ and ⏺ as vertical lines across the panel (for panels with several curves per run).</summary>
    public static void AsLines(FigureCanvas canvas, PanelAxes panel, TransitionSummary summary, string color)
    {
        if (summary.StructureOnsetStep is double structure) canvas.VerticalLine(panel, structure, color, "dash");
        if (summary.CapabilitiesOnsetStep is double capabilities) canvas.VerticalLine(panel, capabilities, color, "dot");
    }

    private static void Mark(FigureCanvas canvas, PanelAxes panel, TransitionSummary summary, MetricSeries series, string color,
        string metricName, double? step, string symbol, string what)
    {
        if (step is not double s || series.At(s) is not double value) return;
        var hover = string.Create(CultureInfo.InvariantCulture, $"{summary.Run}: {what} at step {s:N0}<br>{metricName} {value:G4}");
        canvas.Markers(panel, $"{summary.Run} {what}", [s], [value], color, symbol, group: LegendGroup, showLegend: false, hoverText: [hover]);
    }
}
