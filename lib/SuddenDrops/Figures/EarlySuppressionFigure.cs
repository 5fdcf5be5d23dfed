using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Experiments;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// The paper's early-suppression experiment (Chen et al. 2024, §4.2, Fig. 5): SAS−(k) suppresses Syntactic Attention
/// Structure until step k and then releases it. Top left: UAS against step for each k (the release step dotted in the
/// same colour), beside base (dark grey) and SAS− (red). The other panels: final MLM loss, final BLiMP and the GLUE
/// average against k, one point per seed and a line through the means, with base (dashed) and SAS− (dotted) as levels;
/// the BLiMP panel also shows chance (50 % ± 1 SE) and the GLUE panel the majority-class and untrained-checkpoint scores.
/// The title names |λ|, the horizon and the scale of the runs.
/// </summary>
public static class EarlySuppressionFigure
{
    /// <summary>File name (without extension) used by <c>sdrops figures</c>.</summary>
    public const string FileName = "early-suppression";

    /// <summary>
    /// The figure; when there is no SAS−(k) run, a note says so (and base/SAS− curves are drawn if present). The title ends
    /// with the runs' |λ|, horizon and scale (<see cref="RegularizedRunsTitle"/>), also after a given <paramref name="title"/>.
    /// </summary>
    public static Plotly.NET.GenericChart Create(RunSet runs, string? title = null)
    {
        var releases = runs.ReleaseVariants;
        var steps = releases.Select(v => v.ReleaseStep!.Value).ToList();
        var outcomes = runs.Runs.Where(r => r.SasVariant is not null).ToDictionary(r => r, VariantOutcome.Of);
        var figureTitle = RegularizedRunsTitle.Append(title ?? "Early suppression SAS−(k): UAS curves, and final loss, BLiMP and GLUE against k", outcomes.Keys);
        if (outcomes.Count == 0)
            return FigureCanvas.Empty(figureTitle, $"No base, SAS− or SAS−(k) run in {SasVariantsFigure.Describe(runs)} yet: run folders are named " +
                                                   "base-sN, sas--sN and sas-@k-sN (sdrops sweep --variants base,sas-,sas-@k).");
        var canvas = new FigureCanvas(figureTitle, 1300, 820);
        var curves = canvas.AddPanel(PanelBox.InGrid(0, 2, 2), "UAS against step", "step", "UAS", stepAxis: true);
        var loss = canvas.AddPanel(PanelBox.InGrid(1, 2, 2), "Final held-out MLM loss", "release step k", "loss (nats)", stepAxis: true);
        var blimp = canvas.AddPanel(PanelBox.InGrid(2, 2, 2), "Final BLiMP accuracy", "release step k", "accuracy", stepAxis: true);
        var glue = canvas.AddPanel(PanelBox.InGrid(3, 2, 2), "GLUE average (fine-tuned final checkpoint)", "release step k", "score", stepAxis: true);
        canvas.NoDataReason(curves, "no base, SAS− or SAS−(k) run has a uas column");
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
        var lossLevels = Endpoint(canvas, loss, runs, releases, outcomes, o => o.FinalLoss, "loss", "MLM loss");
        FitRange(canvas, loss, lossLevels, lastStep, "MLM loss", "no run has an eval_loss column");

        var blimpLevels = Endpoint(canvas, blimp, runs, releases, outcomes, o => o.FinalBlimp, "BLiMP", "BLiMP");
        if (blimpLevels.Count > 0)
        {
            // The final BLiMP of a run is its sdrops blimp report when kept (its own pair count), else the probe's last value.
            var pairs = outcomes.Where(o => o.Value.FinalBlimp is not null)
                .Select(o => FinalEvaluation.Blimp(o.Key)?.Pairs ?? o.Key.BlimpProbePairs).ToList();
            BlimpChance.Draw(canvas, blimp, 0, lastStep, pairs);
            var se = BlimpChance.StandardError(BlimpChance.Level, pairs.Min());
            blimpLevels.AddRange([BlimpChance.Level - se, BlimpChance.Level + se]);
        }
        FitRange(canvas, blimp, blimpLevels, lastStep, "BLiMP", "no run has a blimp column or an evals/blimp-step-N.json report (sdrops blimp)");

        var glueLevels = Endpoint(canvas, glue, runs, releases, outcomes, o => o.Glue, "GLUE", "GLUE");
        if (glueLevels.Count > 0) glueLevels.AddRange(GlueReferences(canvas, glue, outcomes.Keys, lastStep));
        FitRange(canvas, glue, glueLevels, lastStep, "GLUE", "no run has an evals/glue-step-N.json report (sdrops glue) or a glue column");
        return canvas.ToChart();
    }

    /// <summary>
    /// The two reference levels of the GLUE average, as long-dashed and dash-dotted grey lines: the majority-class score (each task's
    /// dev set scored with its most frequent training class, 0 for the correlation metrics, as recorded by <c>sdrops glue</c>
    /// in every task result, averaged over the tasks as GLUE averages) and, where a step-0 report exists, the untrained
    /// checkpoint fine-tuned the same way. Returns the levels drawn.
    /// </summary>
    private static IReadOnlyList<double> GlueReferences(FigureCanvas canvas, PanelAxes panel, IEnumerable<RecordedRun> runs, double lastStep)
    {
        var levels = new List<double>();
        var list = runs.ToList();
        var majority = list.Select(r => FinalEvaluation.Glue(r)).OfType<GlueReport>().Where(r => r.Tasks.Count > 0)
            .Select(r => r.Tasks.Average(t => t.MajorityBaseline)).ToList();
        if (majority.Count > 0)
        {
            var level = majority.Average();
            canvas.Line(panel, string.Create(CultureInfo.InvariantCulture, $"GLUE: majority class ({level:F3})"), [0, lastStep], [level, level],
                FigureStyle.ReferenceGray, 1.5, "longdash", "glue-references",
                hoverText: [.. Enumerable.Repeat(string.Create(CultureInfo.InvariantCulture,
                    $"majority class: each task's dev set scored with its most frequent training class, mean {level:F3}"), 2)]);
            levels.Add(level);
        }
        var untrained = list.Select(r => (Run: r, Report: FinalEvaluation.Glue(r, step: 0))).Where(p => p.Report is not null).ToList();
        if (untrained.Count > 0)
        {
            var level = untrained.Average(p => p.Report!.Average);
            canvas.Line(panel, string.Create(CultureInfo.InvariantCulture, $"GLUE: untrained, step 0 ({level:F3})"),
                [0, lastStep], [level, level], FigureStyle.ReferenceGray, 1.5, "dashdot", "glue-references",
                hoverText: [.. Enumerable.Repeat(string.Create(CultureInfo.InvariantCulture,
                    $"untrained checkpoint fine-tuned: {string.Join(", ", untrained.Select(p => p.Run.Name))} at step 0, mean {level:F3}"), 2)]);
            levels.Add(level);
        }
        return levels;
    }

    /// <summary>
    /// One point per SAS−(k) run at x = k, a line through the means per k, and the base and SAS− levels; returns every
    /// value drawn (empty when the panel has none).
    /// </summary>
    private static List<double> Endpoint(FigureCanvas canvas, PanelAxes panel, RunSet runs, IReadOnlyList<SasVariant> releases,
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
        return drawn;
    }

    /// <summary>
    /// The x axis from 0 to the last step and the y axis fitted to <paramref name="drawn"/> (reference levels are shapes,
    /// which plotly's autorange ignores); a panel with nothing drawn says "no data: <paramref name="reason"/>".
    /// </summary>
    private static void FitRange(FigureCanvas canvas, PanelAxes panel, IReadOnlyList<double> drawn, double lastStep, string metricName, string reason)
    {
        canvas.SetRange(panel, xAxis: true, 0, lastStep);
        if (drawn.Count == 0)
        {
            canvas.PanelMessage(panel, $"{metricName}: no data: {reason}");
            canvas.SetRange(panel, xAxis: false, 0, 1);
            return;
        }
        var padding = Math.Max(0.01, 0.15 * (drawn.Max() - drawn.Min()));
        canvas.SetRange(panel, xAxis: false, drawn.Min() - padding, drawn.Max() + padding);
    }
}
