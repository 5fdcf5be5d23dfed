using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// The paper's causal experiment (Chen et al. 2024, §4.1, Fig. 4): the base run beside SAS+ (syntactic regulariser promoting
/// Syntactic Attention Structure) and SAS− (suppressing it): held-out MLM loss, UAS and, when measured, BLiMP against step.
/// One colour per variant (base dark grey, SAS+ blue, SAS− red), one line per seed, ▲/⏺ on each run's curves.
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

    /// <summary>The figure; variants without runs are named in a note, and a set without any gives an empty panel that says so.</summary>
    public static Plotly.NET.GenericChart Create(RunSet runs, string? title = null)
    {
        var groups = Variants.Select(v => (Variant: v, Runs: runs.OfVariant(v))).Where(g => g.Runs.Count > 0).ToList();
        var figureTitle = title ?? "Base vs SAS+ vs SAS−";
        if (groups.Count == 0)
            return FigureCanvas.Empty(figureTitle, $"No base, SAS+ or SAS− run in {Describe(runs)} yet: run folders are named base-sN, sas+-sN and sas--sN " +
                                                   "(sdrops sweep --variants base,sas+,sas-).");
        var all = groups.SelectMany(g => g.Runs).ToList();
        var withBlimp = all.Any(r => r.Has(MetricColumns.Blimp));
        var panelCount = withBlimp ? 3 : 2;
        var canvas = new FigureCanvas(title ?? "Base vs SAS+ vs SAS−: MLM loss, UAS" + (withBlimp ? ", BLiMP" : "") + " against training step",
            withBlimp ? 1400 : 1100, 480);
        var loss = canvas.AddPanel(PanelBox.InGrid(0, 1, panelCount), "Held-out MLM loss", "step", "loss (nats)");
        var uas = canvas.AddPanel(PanelBox.InGrid(1, 1, panelCount), "Implicit-parse UAS (best head)", "step", "UAS");
        var blimp = withBlimp ? canvas.AddPanel(PanelBox.InGrid(2, 1, panelCount), "BLiMP accuracy", "step", "accuracy") : (PanelAxes?)null;

        var missing = Missing(runs);
        if (missing.Count > 0)
            canvas.Subtitle($"Missing: {string.Join(", ", missing.Select(v => v.Label))} (no {string.Join(", ", missing.Select(v => v + "-sN"))} folder)", "#b22222");

        OnsetMarks.Explain(canvas);
        foreach (var (variant, variantRuns) in groups)
        {
            var color = FigureStyle.VariantColor(variant);
            var label = $"{variant.Label} ({RunSet.DescribeSeeds(variantRuns)})";
            for (var i = 0; i < variantRuns.Count; i++)
            {
                var run = variantRuns[i];
                var summary = TransitionSummary.Of(run);
                var dash = i == 0 ? "solid" : i == 1 ? "dash" : "dot";
                Draw(canvas, loss, run, MetricColumns.EvalLoss, color, dash, label, i == 0, summary, "loss");
                Draw(canvas, uas, run, MetricColumns.Uas, color, dash, label, false, summary, "UAS");
                if (blimp is PanelAxes b) Draw(canvas, b, run, MetricColumns.Blimp, color, dash, label, false, summary, "BLiMP");
            }
        }
        return canvas.ToChart();
    }

    private static void Draw(FigureCanvas canvas, PanelAxes panel, RecordedRun run, string column, string color, string dash, string label,
        bool showLegend, TransitionSummary summary, string metricName)
    {
        var series = run.Series(column);
        if (series.IsEmpty) return;
        canvas.Line(panel, label, series.Steps, series.Values, color, dash: dash, group: label, showLegend: showLegend);
        OnsetMarks.OnCurve(canvas, panel, summary, series, color, metricName);
    }

    internal static string Describe(RunSet runs) => runs.Folder.Length > 0 ? runs.Folder : "the given runs";
}
