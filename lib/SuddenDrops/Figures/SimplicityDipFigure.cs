using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// The paper's simplicity-bias figure (Chen et al. 2024, §3.2, Fig. 3): the TwoNN intrinsic dimension of each layer's
/// token representations against training step, with the structure onset ▲ (dashed) and the capabilities onset ⏺
/// (dotted) of the run's UAS curve. The paper sees the dimension rise before ▲, fall ("dip") between ▲ and ⏺ and rise again.
/// One panel per run that has TwoNN columns (<c>id_L0</c>, <c>id_L1</c>, …, written by the TwoNN checkpoint probe).
/// </summary>
public static class SimplicityDipFigure
{
    /// <summary>File name (without extension) used by <c>sdrops figures</c>.</summary>
    public const string FileName = "simplicity-dip";

    /// <summary>At most this many runs are drawn, two per row.</summary>
    public const int MaxPanels = 4;

    /// <summary>
    /// Why the figure cannot be drawn from <paramref name="runs"/>, or null when at least one run has TwoNN columns.
    /// </summary>
    public static string? MissingReason(IEnumerable<RecordedRun> runs)
    {
        var list = runs.ToList();
        if (list.Count == 0) return "No runs were given.";
        if (list.Any(r => r.IntrinsicDimensionLayers.Count > 0)) return null;
        return $"None of the {list.Count} run(s) ({string.Join(", ", list.Select(r => r.Name))}) has TwoNN intrinsic-dimension columns " +
               $"({MetricColumns.IntrinsicDimensionPrefix}0, {MetricColumns.IntrinsicDimensionPrefix}1, … in metrics.csv): they were trained " +
               "before the TwoNN checkpoint probe existed. Runs trained with it draw this figure as soon as they have checkpoints.";
    }

    /// <summary>The figure; when no run has TwoNN columns, an empty panel that says so.</summary>
    public static Plotly.NET.GenericChart Create(IEnumerable<RecordedRun> runs, string? title = null)
    {
        var all = runs.ToList();
        var drawn = all.Where(r => r.IntrinsicDimensionLayers.Count > 0).Take(MaxPanels).ToList();
        var figureTitle = title ?? "Simplicity dip: TwoNN intrinsic dimension per layer against training step";
        if (drawn.Count == 0) return FigureCanvas.Empty(figureTitle, MissingReason(all)!);
        var columns = Math.Clamp(drawn.Count, 1, 2);
        var rows = Math.Max(1, (drawn.Count + 1) / 2);
        var canvas = new FigureCanvas(figureTitle, columns == 1 ? 900 : 1300, 120 + 400 * rows);
        var lastLayer = drawn.Max(r => r.IntrinsicDimensionLayers[^1]);
        var legendLayers = new HashSet<int>();
        for (var p = 0; p < drawn.Count; p++)
        {
            var run = drawn[p];
            var onsets = MarkedOnsets.Of(run);
            // Runs of different folders can share a name (base-s0): the folder then tells the panels apart.
            var name = drawn.Count(r => r.Name == run.Name) > 1 ? run.Label : run.Name;
            var panel = canvas.AddPanel(PanelBox.InGrid(p, rows, columns), Caption(name, onsets), "step",
                p % columns == 0 ? "intrinsic dimension (TwoNN, log scale)" : "", stepAxis: true);
            // Log scale: the embeddings start near 40 and every layer then stays below about 10, where the dip is; on a
            // linear 0–40 axis that range is a few pixels high.
            canvas.SetLogAxis(panel, xAxis: false);
            foreach (var layer in run.IntrinsicDimensionLayers)
            {
                var series = run.Series(MetricColumns.IntrinsicDimension(layer));
                var trace = layer == 0 ? "embeddings (layer 0)" : $"layer {layer}";
                canvas.Line(panel, trace, series.Steps, series.Values, FigureStyle.LayerColor(layer, lastLayer), group: trace,
                    showLegend: legendLayers.Add(layer), markers: series.Count <= 40);
            }
            OnsetMarks.AsLines(canvas, panel, onsets, "#000000");
        }
        canvas.Subtitle($"dashed: {FigureStyle.StructureOnsetGlyph} structure onset · dotted: {FigureStyle.CapabilitiesOnsetGlyph} capabilities onset (from each run's UAS curve, marked when {OnsetMarks.Rule})");
        return canvas.ToChart();
    }

    private static string Caption(string run, MarkedOnsets onsets) =>
        onsets.IsMarked
            ? string.Create(CultureInfo.InvariantCulture, $"{run}: ▲ {onsets.StructureOnsetStep:N0}, ● {onsets.CapabilitiesOnsetStep:N0}")
            : $"{run}: ▲/● not marked ({onsets.NotMarkedReason})";
}
