using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// The paper's early-suppression experiment (Chen et al. 2024, §4.2, Fig. 5): SAS−(k) suppresses Syntactic Attention
/// Structure until step k and then releases it. Top left: UAS against step for each k (the release step dotted in the
/// same colour), beside base (dark grey) and SAS− (red). The other panels: final MLM loss, final BLiMP and the GLUE
/// average against k, one point per seed and a line through the means, with base (dashed) and SAS− (dotted) as levels.
/// </summary>
public static class EarlySuppressionFigure
{
    /// <summary>File name (without extension) used by <c>sdrops figures</c>.</summary>
    public const string FileName = "early-suppression";

    /// <summary>The figure; when there is no SAS−(k) run, a note says so (and base/SAS− curves are drawn if present).</summary>
    public static Plotly.NET.GenericChart Create(RunSet runs, string? title = null)
    {
        var releases = runs.ReleaseVariants;
        var steps = releases.Select(v => v.ReleaseStep!.Value).ToList();
        var outcomes = runs.Runs.Where(r => r.SasVariant is not null).ToDictionary(r => r, VariantOutcome.Of);
        var figureTitle = title ?? "Early suppression SAS−(k): UAS curves, and final loss, BLiMP and GLUE against k";
        if (outcomes.Count == 0)
            return FigureCanvas.Empty(figureTitle, $"No base, SAS− or SAS−(k) run in {SasVariantsFigure.Describe(runs)} yet: run folders are named " +
                                                   "base-sN, sas--sN and sas-@k-sN (sdrops sweep --variants base,sas-,sas-@k).");
        var canvas = new FigureCanvas(figureTitle, 1300, 820);
        var curves = canvas.AddPanel(PanelBox.InGrid(0, 2, 2), "UAS against step", "step", "UAS");
        var loss = canvas.AddPanel(PanelBox.InGrid(1, 2, 2), "Final held-out MLM loss", "release step k", "loss (nats)");
        var blimp = canvas.AddPanel(PanelBox.InGrid(2, 2, 2), "Final BLiMP accuracy", "release step k", "accuracy");
        var glue = canvas.AddPanel(PanelBox.InGrid(3, 2, 2), "GLUE average (fine-tuned final checkpoint)", "release step k", "score");
        if (releases.Count == 0)
            canvas.Subtitle($"No SAS−(k) run in {SasVariantsFigure.Describe(runs)} (folders named sas-@k-sN, from sdrops sweep --variants sas-@k).", "#b22222");

        foreach (var reference in new[] { SasVariant.Baseline, SasVariant.SasMinus })
            foreach (var (run, index) in runs.OfVariant(reference).Select((r, i) => (r, i)))
            {
                var series = run.Series(MetricColumns.Uas);
                var label = $"{reference.Label} ({RunSet.DescribeSeeds(runs.OfVariant(reference))})";
                canvas.Line(curves, label, series.Steps, series.Values, FigureStyle.VariantColor(reference),
                    dash: reference == SasVariant.Baseline ? "dash" : "dot", group: label, showLegend: index == 0);
            }
        foreach (var variant in releases)
        {
            var color = FigureStyle.VariantColor(variant, steps);
            var variantRuns = runs.OfVariant(variant);
            var label = $"{variant.Label} ({RunSet.DescribeSeeds(variantRuns)})";
            for (var i = 0; i < variantRuns.Count; i++)
            {
                var series = variantRuns[i].Series(MetricColumns.Uas);
                canvas.Line(curves, label, series.Steps, series.Values, color, group: label, showLegend: i == 0);
            }
            canvas.VerticalLine(curves, variant.ReleaseStep!.Value, color, "dot");
        }

        var lastStep = outcomes.Values.Select(o => o.LastStep).OfType<double>().DefaultIfEmpty(1).Max();
        foreach (var (panel, value, group, metricName) in new (PanelAxes, Func<VariantOutcome, double?>, string, string)[]
                 {
                     (loss, o => o.FinalLoss, "loss", "MLM loss"), (blimp, o => o.FinalBlimp, "BLiMP", "BLiMP"), (glue, o => o.Glue, "GLUE", "GLUE"),
                 })
        {
            Endpoint(canvas, panel, runs, releases, outcomes, value, group, metricName);
            canvas.SetRange(panel, xAxis: true, 0, lastStep);
        }
        return canvas.ToChart();
    }

    /// <summary>One point per SAS−(k) run at x = k, a line through the means per k, and the base and SAS− levels.</summary>
    private static void Endpoint(FigureCanvas canvas, PanelAxes panel, RunSet runs, IReadOnlyList<SasVariant> releases,
        IReadOnlyDictionary<RecordedRun, VariantOutcome> outcomes, Func<VariantOutcome, double?> value, string group, string metricName)
    {
        var drawn = new List<double>();
        var means = new List<(double K, double Mean)>();
        foreach (var variant in releases)
        {
            var k = variant.ReleaseStep!.Value;
            var values = runs.OfVariant(variant).Select(r => (Run: r, Value: value(outcomes[r]))).Where(p => p.Value is not null).ToList();
            if (values.Count == 0) continue;
            canvas.Markers(panel, $"{variant.Label} {metricName}", values.Select(_ => (double)k).ToArray(), values.Select(p => p.Value!.Value).ToArray(),
                FigureStyle.VariantColor(variant, releases.Select(v => v.ReleaseStep!.Value).ToList()), "circle", 9, group, showLegend: false,
                hoverText: values.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Run.Name}: {metricName} {p.Value:G4}")).ToArray());
            means.Add((k, values.Average(p => p.Value!.Value)));
            drawn.AddRange(values.Select(p => p.Value!.Value));
        }
        if (means.Count > 1)
            canvas.Line(panel, $"SAS−(k) mean {metricName}", means.Select(m => m.K).ToArray(), means.Select(m => m.Mean).ToArray(), "#555555",
                1.5, group: group, showLegend: false);
        foreach (var reference in new[] { SasVariant.Baseline, SasVariant.SasMinus })
        {
            var levels = runs.OfVariant(reference).Select(r => value(outcomes[r])).OfType<double>().ToList();
            if (levels.Count == 0) continue;
            canvas.HorizontalLine(panel, levels.Average(), FigureStyle.VariantColor(reference), reference == SasVariant.Baseline ? "dash" : "dot");
            drawn.Add(levels.Average());
        }
        if (drawn.Count == 0)
        {
            canvas.PanelMessage(panel, $"{metricName}: no value in these runs");
            canvas.SetRange(panel, xAxis: false, 0, 1);
            return;
        }
        // Reference levels are shapes, which plotly's autorange ignores: fit the y axis to everything drawn.
        var padding = Math.Max(0.01, 0.15 * (drawn.Max() - drawn.Min()));
        canvas.SetRange(panel, xAxis: false, drawn.Min() - padding, drawn.Max() + padding);
    }
}
