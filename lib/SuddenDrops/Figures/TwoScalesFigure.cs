using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// "Two scales, two stages": the paper's Figure 1 for base runs of several model scales on one axis of training tokens
/// (the scales differ in tokens per step, so steps would not line up). Three panels: held-out MLM loss, implicit-parse UAS
/// with its ▲ and ⏺ (<see cref="MarkedOnsets"/>, the verdict rule), and BLiMP on the probe's pairs with chance ± 1 SE, the
/// UAS ⏺ of each run as a dotted vertical line (where the plateau begins) and BLiMP's own ▲ and ⏺
/// (<see cref="CapabilitiesSummary"/>) where the detector calls BLiMP's rise significant. One colour per scale, one dash
/// per seed; a note under the title gives each run's stage-2 verdict.
/// </summary>
public static class TwoScalesFigure
{
    /// <summary>File name (without extension) of the saved figure.</summary>
    public const string FileName = "two-scales";

    private static readonly string[] SeedDashes = ["solid", "dash", "dot", "dashdot", "longdash"];

    /// <summary>The figure for <paramref name="scales"/>: a label per scale ("tiny, 2 × 128") and its base runs.</summary>
    /// <param name="scales">Scales in drawing order; regularised runs (SAS+, SAS−, SAS−(k)) are left out.</param>
    /// <param name="title">Figure title; a default names what is drawn.</param>
    public static Plotly.NET.GenericChart Create(IReadOnlyList<(string Scale, IReadOnlyList<RecordedRun> Runs)> scales, string? title = null)
    {
        var drawn = scales
            .Select(s => (s.Scale, Runs: TwoStageTransitionFigure.Drawable(s.Runs)))
            .Where(s => s.Runs.Count > 0)
            .ToList();
        title ??= "Two scales, two stages: MLM loss, UAS and BLiMP against training tokens (base runs)";
        if (drawn.Count == 0)
            return FigureCanvas.Empty(title, "No base run with a metrics.csv holding eval_loss or uas was given.");

        var canvas = new FigureCanvas(title, 1400, 520);
        var loss = canvas.AddPanel(PanelBox.InGrid(0, 1, 3), "Held-out MLM loss", "training tokens (millions)", "loss (nats)");
        var uas = canvas.AddPanel(PanelBox.InGrid(1, 1, 3), "Implicit-parse UAS (best head)", "training tokens (millions)", "UAS");
        var blimp = canvas.AddPanel(PanelBox.InGrid(2, 1, 3), "BLiMP accuracy (probe pairs)", "training tokens (millions)", "accuracy");
        canvas.NoDataReason(loss, "no run has an eval_loss column");
        canvas.NoDataReason(uas, "no run has a uas column");
        canvas.NoDataReason(blimp, "no run has a blimp column");
        OnsetMarks.Explain(canvas);
        canvas.LegendEntry($"{FigureStyle.StructureOnsetGlyph}/{FigureStyle.CapabilitiesOnsetGlyph} on BLiMP: its own onset, where significant",
            "#ffffff", FigureStyle.CapabilitiesOnsetSymbol, OnsetMarks.LegendGroup);

        var runs = drawn.SelectMany(s => s.Runs).ToList();
        var millions = runs.ToDictionary(r => r, r => r.TokensPerStep / 1e6);
        var maxTokens = runs.Max(r => r.Series(MetricColumns.Uas).Steps.Concat(r.Series(MetricColumns.EvalLoss).Steps).DefaultIfEmpty(0).Max() * millions[r]);
        var probed = runs.Where(r => r.Has(MetricColumns.Blimp)).ToList();
        if (probed.Count > 0)
            BlimpChance.Draw(canvas, blimp, 0, maxTokens, probed.Select(r => r.BlimpProbePairs));

        var verdicts = new List<string>();
        var marked = new List<MarkedOnsets>();
        for (var s = 0; s < drawn.Count; s++)
        {
            var color = FigureStyle.RunColor(s);
            foreach (var (run, k) in drawn[s].Runs.Select((r, k) => (r, k)))
            {
                var perStep = millions[run];
                var dash = SeedDashes[k % SeedDashes.Length];
                var name = run.Seed is int seed ? $"{drawn[s].Scale} · seed {seed}" : $"{drawn[s].Scale} · {run.Name}";
                var onsets = MarkedOnsets.Of(run);
                marked.Add(onsets);
                var capabilities = CapabilitiesSummary.Of(run, ReproductionTables.LateAnalysisFrom);
                Curve(canvas, loss, run, MetricColumns.EvalLoss, perStep, name, color, dash, showLegend: true, "loss");
                Curve(canvas, uas, run, MetricColumns.Uas, perStep, name, color, dash, showLegend: false, "UAS");
                Mark(canvas, uas, run.Series(MetricColumns.Uas), perStep, name, color, onsets.StructureOnsetStep, onsets.CapabilitiesOnsetStep, "UAS");
                if (!run.Has(MetricColumns.Blimp)) continue;
                Curve(canvas, blimp, run, MetricColumns.Blimp, perStep, name, color, dash, showLegend: false, "BLiMP");
                if (onsets.CapabilitiesOnsetStep is double plateau)
                    canvas.VerticalLine(blimp, plateau * perStep, color, "dot", 1);
                if (capabilities.BlimpOnsetSudden)
                    Mark(canvas, blimp, run.Series(MetricColumns.Blimp), perStep, name, color,
                        capabilities.BlimpStructureOnset, capabilities.BlimpCapabilitiesOnset, "BLiMP");
                verdicts.Add($"{name} {(capabilities.StageTwoShows ? "shows" : "does not show")}");
            }
        }
        OnsetMarks.ExplainUnmarked(canvas, marked);
        canvas.Subtitle(PlotText.Wrap("Stage 2 by the README's rule (reasons: the capabilities table of REPRODUCTION.md): " +
                                      (verdicts.Count == 0 ? "no run probed BLiMP" : string.Join("; ", verdicts)), 170));
        canvas.Subtitle($"Dotted verticals on the BLiMP panel: each run's UAS {FigureStyle.CapabilitiesOnsetGlyph}, where the structure plateau begins.");
        return canvas.ToChart();
    }

    private static void Curve(FigureCanvas canvas, PanelAxes panel, RecordedRun run, string column, double perStep, string name,
        string color, string dash, bool showLegend, string metricName)
    {
        var series = run.Series(column);
        if (series.IsEmpty) return;
        var tokens = series.Steps.Select(s => s * perStep).ToArray();
        var hover = series.Steps.Zip(series.Values, (step, value) => string.Create(CultureInfo.InvariantCulture,
            $"{name}<br>step {step:N0} · {step * perStep:F1}M tokens<br>{metricName} {value:G4}")).ToList();
        canvas.Line(panel, name, tokens, series.Values, color, 2, dash, group: name, showLegend: showLegend, hoverText: hover);
    }

    private static void Mark(FigureCanvas canvas, PanelAxes panel, MetricSeries series, double perStep, string name, string color,
        double? structure, double? capabilities, string metricName)
    {
        foreach (var (step, symbol, what) in new[] { (structure, FigureStyle.StructureOnsetSymbol, FigureStyle.StructureOnsetGlyph), (capabilities, FigureStyle.CapabilitiesOnsetSymbol, FigureStyle.CapabilitiesOnsetGlyph) })
        {
            if (step is not double s || series.At(s) is not double value) continue;
            var hover = string.Create(CultureInfo.InvariantCulture, $"{name}: {metricName} {what} at step {s:N0} ({s * perStep:F1}M tokens)<br>{metricName} {value:G4}");
            canvas.Markers(panel, $"{name} {metricName} {what}", [s * perStep], [value], color, symbol, group: OnsetMarks.LegendGroup,
                showLegend: false, hoverText: [hover]);
        }
    }
}
