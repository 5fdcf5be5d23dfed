using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// The paper's causal experiment (Chen et al. 2024, §4.1, Fig. 4): the base run beside SAS+ (syntactic regulariser promoting
/// Syntactic Attention Structure) and SAS− (suppressing it): held-out MLM loss, UAS and, when measured, BLiMP against step.
/// One colour per variant (base dark grey, SAS+ blue, SAS− red), one line style per seed (in the legend), ▲/⏺ on each run's
/// curves where significant (<see cref="MarkedOnsets"/>), BLiMP's chance level with its ± 1 SE band; the title names |λ|,
/// the horizon and the scale of the runs.
/// Variants are read from the run folders' names (base-sN, sas+-sN, sas--sN; see <see cref="SasVariant"/>).
/// </summary>
public static class SasVariantsFigure
{
    /// <summary>File name (without extension) used by <c>sdrops figures</c>.</summary>
    public const string FileName = "sas-variants";

    /// <summary>The variants this figure compares, in drawing order.</summary>
    public static IReadOnlyList<SasVariant> Variants { get; } = [SasVariant.Baseline, SasVariant.SasPlus, SasVariant.SasMinus];

    /// <summary>The variants of <see cref="Variants"/> with no run in <paramref name="runs"/>.</summary>
    public static IReadOnlyList<SasVariant> Missing(RunSet runs) => [.. Variants.Where(v => runs.OfVariant(v).Count == 0)];

    /// <summary>Line styles of the seeds, by the seed's rank among the seeds drawn (first seed solid).</summary>
    private static readonly string[] SeedDashes = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"];

    /// <summary>
    /// The figure; variants without runs are named in a note, and a set without any gives an empty panel that says so.
    /// The title ends with the runs' |λ|, horizon and scale (<see cref="RegularizedRunsTitle"/>), also after a given
    /// <paramref name="title"/>. Seeds are told apart by line style, explained in the legend (seed → dash).
    /// </summary>
    public static Plotly.NET.GenericChart Create(RunSet runs, string? title = null)
    {
        var groups = Variants.Select(v => (Variant: v, Runs: runs.OfVariant(v))).Where(g => g.Runs.Count > 0).ToList();
        var all = groups.SelectMany(g => g.Runs).ToList();
        var figureTitle = RegularizedRunsTitle.Append(title ?? "Base vs SAS+ vs SAS−", all);
        if (groups.Count == 0)
            return FigureCanvas.Empty(figureTitle, $"No base, SAS+ or SAS− run in {Describe(runs)} yet: run folders are named base-sN, sas+-sN and sas--sN " +
                                                   "(sdrops sweep --variants base,sas+,sas-).");
        var withBlimp = all.Any(r => r.Has(MetricColumns.Blimp));
        var panelCount = withBlimp ? 3 : 2;
        var canvas = new FigureCanvas(title is null
                ? RegularizedRunsTitle.Append("Base vs SAS+ vs SAS−: MLM loss, UAS" + (withBlimp ? ", BLiMP" : "") + " against training step", all)
                : figureTitle,
            withBlimp ? 1400 : 1100, 480);
        var warmupEnd = LossAxis.WarmupEnd(all);
        var loss = canvas.AddPanel(PanelBox.InGrid(0, 1, panelCount), LossAxis.Title(warmupEnd), "step", "loss (nats)", stepAxis: true);
        var uas = canvas.AddPanel(PanelBox.InGrid(1, 1, panelCount), "Implicit-parse UAS (best head)", "step", "UAS", stepAxis: true);
        var blimp = withBlimp ? canvas.AddPanel(PanelBox.InGrid(2, 1, panelCount), "BLiMP accuracy", "step", "accuracy", stepAxis: true) : (PanelAxes?)null;
        canvas.NoDataReason(loss, "no run has an eval_loss column");
        canvas.NoDataReason(uas, "no run has a uas column");

        var missing = Missing(runs);
        if (missing.Count > 0)
            canvas.Subtitle($"Missing: {string.Join(", ", missing.Select(v => v.Label))} (no {string.Join(", ", missing.Select(v => v + "-sN"))} folder)", "#b22222");

        OnsetMarks.Explain(canvas);
        var seeds = all.Select(r => r.Seed).Distinct().Order().ToList();
        string DashOf(RecordedRun run) => SeedDashes[seeds.IndexOf(run.Seed) % SeedDashes.Length];
        if (all.Count > groups.Count)
            foreach (var seed in seeds)
                canvas.LegendLine(seed is int s ? $"seed {s}" : "seed unknown", FigureStyle.ReferenceGray,
                    SeedDashes[seeds.IndexOf(seed) % SeedDashes.Length], "seeds");
        if (blimp is PanelAxes chancePanel)
        {
            var steps = all.SelectMany(r => r.Series(MetricColumns.Blimp).Steps).ToList();
            BlimpChance.Draw(canvas, chancePanel, steps.Min(), steps.Max(), all.Where(r => r.Has(MetricColumns.Blimp)).Select(r => r.BlimpProbePairs));
        }
        var onsets = all.ToDictionary(r => r, MarkedOnsets.Of);
        OnsetMarks.ExplainUnmarked(canvas, all.Select(r => onsets[r]));
        foreach (var (variant, variantRuns) in groups)
        {
            var color = FigureStyle.VariantColor(variant);
            var label = $"{variant.Label} ({RunSet.DescribeSeeds(variantRuns)})";
            for (var i = 0; i < variantRuns.Count; i++)
            {
                var run = variantRuns[i];
                var dash = DashOf(run);
                Draw(canvas, loss, run, MetricColumns.EvalLoss, color, dash, label, i == 0, onsets[run], "loss");
                Draw(canvas, uas, run, MetricColumns.Uas, color, dash, label, false, onsets[run], "UAS");
                if (blimp is PanelAxes b) Draw(canvas, b, run, MetricColumns.Blimp, color, dash, label, false, onsets[run], "BLiMP",
                    value => BlimpChance.Hover(value, run.BlimpProbePairs));
            }
        }
        LossAxis.Fit(canvas, loss, all.Select(r => r.Series(MetricColumns.EvalLoss)), warmupEnd);
        return canvas.ToChart();
    }

    private static void Draw(FigureCanvas canvas, PanelAxes panel, RecordedRun run, string column, string color, string dash, string label,
        bool showLegend, MarkedOnsets onsets, string metricName, Func<double, string>? hover = null)
    {
        var series = run.Series(column);
        if (series.IsEmpty) return;
        canvas.Line(panel, label, series.Steps, series.Values, color, dash: dash, group: label, showLegend: showLegend,
            hoverText: OnsetMarks.CurveHover(onsets, series, metricName, hover));
        OnsetMarks.OnCurve(canvas, panel, onsets, series, color, metricName);
    }

    /// <summary>The runs' folder as a figure names it: relative to the project when inside it (figures are committed).</summary>
    internal static string Describe(RunSet runs)
    {
        if (runs.Folder.Length == 0) return "the given runs";
        var root = Data.ProjectRoot.Find();
        var relative = root is null ? runs.Folder : Path.GetRelativePath(root, runs.Folder);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? runs.Folder : relative;
    }
}
