using System.Globalization;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// The paper's Figure 1 (Chen et al. 2024, §3): held-out MLM loss, implicit-parse UAS and, when measured, BLiMP accuracy
/// against training step, one colour per run, with the structure onset ▲ and the capabilities onset ⏺ that
/// <see cref="Metrics.OnsetDetector"/> finds on each run's UAS curve marked on every panel where they are significant by
/// the verdict rule (<see cref="MarkedOnsets"/>). The UAS panel also shows the best fixed-offset baseline (dashed grey): the
/// implicit parse is only "structure" above it; the BLiMP panel shows chance (50 %) with its ± 1 standard-error band.
/// <para>Figure 1 is about ordinary training: only base runs are drawn (<see cref="IsBase"/>: no regulariser, or the
/// <c>base</c> variant with λ = 0). SAS+, SAS− and SAS−(k) runs given to it are left out and named in a note; they belong
/// in <see cref="SasVariantsFigure"/> and <see cref="EarlySuppressionFigure"/>.</para>
/// </summary>
public static class TwoStageTransitionFigure
{
    /// <summary>File name (without extension) used by <c>sdrops figures</c>.</summary>
    public const string FileName = "two-stage-transition";

    /// <summary>Above this many runs the legend goes below the panels, in rows.</summary>
    private const int ManyRuns = 8;

    /// <summary>Whether <paramref name="run"/> is a base run: trained without a regulariser, or as the <c>base</c> variant (λ = 0).</summary>
    public static bool IsBase(RecordedRun run) => run.SasVariant is null || run.SasVariant == SasVariant.Baseline;

    /// <summary>The runs of <paramref name="runs"/> that Figure 1 draws: base runs (<see cref="IsBase"/>) with a UAS or loss column.</summary>
    public static IReadOnlyList<RecordedRun> Drawable(IEnumerable<RecordedRun> runs) =>
        [.. runs.Where(r => IsBase(r) && (r.Has(MetricColumns.EvalLoss) || r.Has(MetricColumns.Uas)))];

    /// <summary>The figure for the base runs that have a UAS or loss column; other runs are left out and named in a note.</summary>
    /// <param name="runs">The runs to draw, one colour each; regularised runs (SAS+, SAS−, SAS−(k)) are left out.</param>
    /// <param name="title">Figure title; a default names what is drawn.</param>
    public static Plotly.NET.GenericChart Create(IEnumerable<RecordedRun> runs, string? title = null)
    {
        var given = runs.ToList();
        var drawn = Drawable(given);
        var regularized = given.Where(r => !IsBase(r)).ToList();
        if (drawn.Count == 0)
            return FigureCanvas.Empty(title ?? "Two-stage transition", regularized.Count > 0
                ? $"No base run with a metrics.csv holding eval_loss or uas was given; Figure 1 shows base runs only, and the {regularized.Count} " +
                  $"regularised run(s) given ({string.Join(", ", regularized.Select(r => r.Name))}) belong in the SAS-variant figures."
                : "No run with a metrics.csv holding eval_loss or uas was given.");
        var withBlimp = drawn.Any(r => r.Has(MetricColumns.Blimp));
        var panelCount = withBlimp ? 3 : 2;
        var manyRuns = drawn.Count > ManyRuns;
        var canvas = new FigureCanvas(title ?? "Two-stage transition: MLM loss, UAS" + (withBlimp ? ", BLiMP" : "") + " against training step",
            withBlimp ? 1400 : 1100, manyRuns ? 480 + 24 * ((drawn.Count + 4) / 5) : 480)
        {
            LegendBelow = manyRuns,
        };
        var warmupEnd = LossAxis.WarmupEnd(drawn);
        var loss = canvas.AddPanel(PanelBox.InGrid(0, 1, panelCount), LossAxis.Title(warmupEnd), "step", "loss (nats)", stepAxis: true);
        var uas = canvas.AddPanel(PanelBox.InGrid(1, 1, panelCount), "Implicit-parse UAS (best head)", "step", "UAS", stepAxis: true);
        var blimp = withBlimp ? canvas.AddPanel(PanelBox.InGrid(2, 1, panelCount), "BLiMP accuracy", "step", "accuracy", stepAxis: true) : (PanelAxes?)null;
        canvas.NoDataReason(loss, "no run has an eval_loss column");
        canvas.NoDataReason(uas, "no run has a uas column");
        if (!withBlimp)
            canvas.Subtitle("BLiMP was not measured in these runs (no blimp column in metrics.csv).");
        if (regularized.Count > 0)
            canvas.Subtitle($"Base runs only (Figure 1); left out: {string.Join(", ", regularized.Select(r => r.Name))} (regularised: see the SAS-variant figures).");

        OnsetMarks.Explain(canvas);
        var steps = drawn.SelectMany(r => r.Series(MetricColumns.Uas).Steps.Concat(r.Series(MetricColumns.EvalLoss).Steps)).ToList();
        if (drawn.Select(r => r.Series(MetricColumns.UasOffsetBaseline).Last).FirstOrDefault(b => b is not null) is double baseline)
            canvas.Line(uas, string.Create(CultureInfo.InvariantCulture, $"best offset baseline ({baseline:F3})"), [steps.Min(), steps.Max()],
                [baseline, baseline], FigureStyle.ReferenceGray, 1.5, "dash");
        if (blimp is PanelAxes chancePanel)
            BlimpChance.Draw(canvas, chancePanel, steps.Min(), steps.Max(), drawn.Where(r => r.Has(MetricColumns.Blimp)).Select(r => r.BlimpProbePairs));
        var onsets = drawn.Select(MarkedOnsets.Of).ToList();
        OnsetMarks.ExplainUnmarked(canvas, onsets);
        for (var i = 0; i < drawn.Count; i++)
        {
            var run = drawn[i];
            var color = FigureStyle.RunColor(i);
            DrawCurve(canvas, loss, run, MetricColumns.EvalLoss, color, showLegend: true, onsets[i], "loss");
            DrawCurve(canvas, uas, run, MetricColumns.Uas, color, showLegend: false, onsets[i], "UAS");
            if (blimp is PanelAxes b) DrawCurve(canvas, b, run, MetricColumns.Blimp, color, showLegend: false, onsets[i], "BLiMP",
                value => BlimpChance.Hover(value, run.BlimpProbePairs));
        }
        LossAxis.Fit(canvas, loss, drawn.Select(r => r.Series(MetricColumns.EvalLoss)), warmupEnd);
        return canvas.ToChart();
    }

    private static void DrawCurve(FigureCanvas canvas, PanelAxes panel, RecordedRun run, string column, string color, bool showLegend,
        MarkedOnsets onsets, string metricName, Func<double, string>? hover = null)
    {
        var series = run.Series(column);
        if (series.IsEmpty) return;
        canvas.Line(panel, run.Name, series.Steps, series.Values, color, group: run.Name, showLegend: showLegend,
            hoverText: OnsetMarks.CurveHover(onsets, series, metricName, hover));
        OnsetMarks.OnCurve(canvas, panel, onsets, series, color, metricName);
    }
}
