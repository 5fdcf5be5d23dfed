using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// The paper's Figure 1 (Chen et al. 2024, §3): held-out MLM loss, implicit-parse UAS and, when measured, BLiMP accuracy
/// against training step, one colour per run, with the structure onset ▲ and the capabilities onset ⏺ that
/// <see cref="Metrics.OnsetDetector"/> finds on each run's UAS curve marked on every panel. The UAS panel also shows the
/// best fixed-offset baseline (dashed grey): the implicit parse is only "structure" above it.
/// </summary>
public static class TwoStageTransitionFigure
{
    /// <summary>File name (without extension) used by <c>sdrops figures</c>.</summary>
    public const string FileName = "two-stage-transition";

    /// <summary>Above this many runs the legend goes below the panels, in rows.</summary>
    private const int ManyRuns = 8;

    /// <summary>The figure for the runs that have a UAS or loss column.</summary>
    /// <param name="runs">The runs to draw, one colour each.</param>
    /// <param name="title">Figure title; a default names what is drawn.</param>
    public static Plotly.NET.GenericChart Create(IEnumerable<RecordedRun> runs, string? title = null)
    {
        var drawn = runs.Where(r => r.Has(MetricColumns.EvalLoss) || r.Has(MetricColumns.Uas)).ToList();
        if (drawn.Count == 0)
            return FigureCanvas.Empty(title ?? "Two-stage transition", "No run with a metrics.csv holding eval_loss or uas was given.");
        var withBlimp = drawn.Any(r => r.Has(MetricColumns.Blimp));
        var panelCount = withBlimp ? 3 : 2;
        var manyRuns = drawn.Count > ManyRuns;
        var canvas = new FigureCanvas(title ?? "Two-stage transition: MLM loss, UAS" + (withBlimp ? ", BLiMP" : "") + " against training step",
            withBlimp ? 1400 : 1100, manyRuns ? 480 + 24 * ((drawn.Count + 4) / 5) : 480)
        {
            LegendBelow = manyRuns,
        };
        var loss = canvas.AddPanel(PanelBox.InGrid(0, 1, panelCount), "Held-out MLM loss", "step", "loss (nats)");
        var uas = canvas.AddPanel(PanelBox.InGrid(1, 1, panelCount), "Implicit-parse UAS (best head)", "step", "UAS");
        var blimp = withBlimp ? canvas.AddPanel(PanelBox.InGrid(2, 1, panelCount), "BLiMP accuracy", "step", "accuracy") : (PanelAxes?)null;
        if (!withBlimp)
            canvas.Subtitle("BLiMP was not measured in these runs (no blimp column in metrics.csv).");

        OnsetMarks.Explain(canvas);
        if (drawn.Select(r => r.Series(MetricColumns.UasOffsetBaseline).Last).FirstOrDefault(b => b is not null) is double baseline)
        {
            var steps = drawn.SelectMany(r => r.Series(MetricColumns.Uas).Steps).ToList();
            canvas.Line(uas, string.Create(CultureInfo.InvariantCulture, $"best offset baseline ({baseline:F3})"), [steps.Min(), steps.Max()],
                [baseline, baseline], FigureStyle.ReferenceGray, 1.5, "dash");
        }
        for (var i = 0; i < drawn.Count; i++)
        {
            var run = drawn[i];
            var color = FigureStyle.RunColor(i);
            var summary = TransitionSummary.Of(run);
            DrawCurve(canvas, loss, run, MetricColumns.EvalLoss, color, showLegend: true, summary, "loss");
            DrawCurve(canvas, uas, run, MetricColumns.Uas, color, showLegend: false, summary, "UAS");
            if (blimp is PanelAxes b) DrawCurve(canvas, b, run, MetricColumns.Blimp, color, showLegend: false, summary, "BLiMP");
        }
        return canvas.ToChart();
    }

    private static void DrawCurve(FigureCanvas canvas, PanelAxes panel, RecordedRun run, string column, string color, bool showLegend,
        TransitionSummary summary, string metricName)
    {
        var series = run.Series(column);
        if (series.IsEmpty) return;
        canvas.Line(panel, run.Name, series.Steps, series.Values, color, group: run.Name, showLegend: showLegend);
        OnsetMarks.OnCurve(canvas, panel, summary, series, color, metricName);
    }
}
