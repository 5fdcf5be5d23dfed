using Plotly.NET;
using SuddenDrops.Analysis;
using SuddenDrops.Data;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// Writes the series' figures as files (self-contained HTML and PNG, <see cref="FigureFile"/>): what <c>sdrops figures</c>
/// does, and what the notebooks show inline. Figures without data are skipped with the reason.
/// </summary>
public static class FigureExport
{
    /// <summary>
    /// The curve figures of a set of runs: the two-stage transition, the simplicity dip, base vs SAS+ vs SAS− and early
    /// suppression, each saved as <c>&lt;name&gt;.html</c> and (when <paramref name="png"/>) <c>&lt;name&gt;.png</c> in <paramref name="outputFolder"/>.
    /// </summary>
    public static IReadOnlyList<ExportedFigure> SaveRunFigures(RunSet runs, string outputFolder, bool png = true)
    {
        var results = new List<ExportedFigure>();
        var curves = runs.Where(r => r.Has(MetricColumns.EvalLoss) || r.Has(MetricColumns.Uas));
        results.Add(curves.IsEmpty
            ? Skipped(TwoStageTransitionFigure.FileName, $"no run in {runs.Folder} has eval_loss or uas in metrics.csv")
            : TwoStageTransitionFigure.Drawable(curves.Runs).Count == 0
                ? Skipped(TwoStageTransitionFigure.FileName, $"no base run in {runs.Folder} (Figure 1 shows base runs only; the SAS runs are in sas-variants and early-suppression)")
                : Save(TwoStageTransitionFigure.Create(curves.Runs), TwoStageTransitionFigure.FileName, outputFolder, png));
        results.Add(SimplicityDipFigure.MissingReason(runs.Runs) is { } noTwoNn
            ? Skipped(SimplicityDipFigure.FileName, noTwoNn)
            : Save(SimplicityDipFigure.Create(runs.Runs), SimplicityDipFigure.FileName, outputFolder, png));
        results.Add(SasVariantsFigure.Missing(runs).Count == SasVariantsFigure.Variants.Count
            ? Skipped(SasVariantsFigure.FileName, "no base-sN, sas+-sN or sas--sN run folder")
            : Save(SasVariantsFigure.Create(runs), SasVariantsFigure.FileName, outputFolder, png));
        results.Add(runs.ReleaseVariants.Count == 0
            ? Skipped(EarlySuppressionFigure.FileName, "no sas-@k-sN run folder")
            : Save(EarlySuppressionFigure.Create(runs), EarlySuppressionFigure.FileName, outputFolder, png));
        return results;
    }

    /// <summary>
    /// The checkpoint figures: <paramref name="sentence"/>'s dependency tree, and the word-level attention of the model's best
    /// head (the headline of <paramref name="report"/>) beside it.
    /// </summary>
    public static IReadOnlyList<ExportedFigure> SaveCheckpointFigures(TrainedModel model, DependencySentence sentence, UasReport report,
        string outputFolder, bool png = true)
    {
        var best = report.Headline;
        var attention = SentenceAttention.Of(model, sentence);
        return
        [
            Save(DependencyTreeFigure.Create(sentence), DependencyTreeFigure.FileName, outputFolder, png),
            Save(AttentionHeatmapFigure.Create(sentence, attention, best.Layer, best.Head, best.Direction), AttentionHeatmapFigure.FileName, outputFolder, png),
        ];
    }

    /// <summary>Saves one chart as <c>&lt;name&gt;.html</c> (+ <c>.png</c>) in <paramref name="outputFolder"/>.</summary>
    public static ExportedFigure Save(GenericChart chart, string name, string outputFolder, bool png = true)
    {
        var html = Path.Combine(outputFolder, name + ".html");
        return new ExportedFigure(name, FigureFile.Save(chart, html, png ? Path.ChangeExtension(html, ".png") : null), null);
    }

    private static ExportedFigure Skipped(string name, string reason) => new(name, null, reason);
}
