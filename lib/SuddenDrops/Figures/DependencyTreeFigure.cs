using SuddenDrops.Data;

namespace SuddenDrops.Figures;

/// <summary>
/// A treebank sentence drawn as a dependency tree: the words on a line, each gold arc above them from the head to the
/// dependent (arrowhead ▼ at the dependent) labelled with its UD relation, the root marked by a vertical arrow. Optionally
/// a predicted parse (e.g. an attention head's implicit parse) below the words, each arc green when it is the gold head and
/// red when not: the picture of UAS on one sentence (Chen et al. 2024, §2.1).
/// </summary>
public static class DependencyTreeFigure
{
    /// <summary>File name (without extension) used by <c>sdrops figures</c>.</summary>
    public const string FileName = "dependency-tree";

    /// <summary>The figure of <paramref name="sentence"/>, with <paramref name="predictedHeads"/> (1-based, 0 = none) below it when given.</summary>
    public static Plotly.NET.GenericChart Create(DependencySentence sentence, IReadOnlyList<int>? predictedHeads = null,
        string? predictedLabel = null, string? title = null)
    {
        var width = Math.Max(700, 80 * sentence.Count + 160);
        var canvas = new FigureCanvas(title ?? $"Dependency tree of sentence {SentenceTitle.ShortId(sentence.Id)}: gold arcs above the words" + (predictedHeads is null ? "" : ", predicted below"), width, predictedHeads is null ? 420 : 620)
        {
            LegendBelow = true,
        };
        var panel = canvas.AddPanel(PanelBox.Whole, "", "", "", hideAxes: true);
        Draw(canvas, panel, sentence, predictedHeads, predictedLabel);
        return canvas.ToChart();
    }

    /// <summary>Draws the tree (and the predicted parse) on a panel of <paramref name="canvas"/>; words sit at x = 1…n, y = 0.</summary>
    internal static void Draw(FigureCanvas canvas, PanelAxes panel, DependencySentence sentence, IReadOnlyList<int>? predictedHeads, string? predictedLabel)
    {
        var n = sentence.Count;
        var maxSpan = Math.Max(1, Enumerable.Range(0, n)
            .Select(i => Math.Max(sentence.Heads[i] > 0 ? Math.Abs(sentence.Heads[i] - (i + 1)) : 0,
                predictedHeads is not null && predictedHeads[i] > 0 ? Math.Abs(predictedHeads[i] - (i + 1)) : 0))
            .Max());
        var gold = new ArcPath();
        for (var i = 0; i < n; i++)
            if (sentence.Heads[i] > 0)
                gold.Add(sentence.Heads[i], i + 1, Height(sentence.Heads[i], i + 1, maxSpan), above: true);
        canvas.Line(panel, "gold arcs (head → dependent)", gold.X, gold.Y, "#222222", 1.6, group: "gold");
        canvas.Markers(panel, "gold arrowheads", gold.TipX, gold.TipY, "#222222", "triangle-down", 9, "gold", showLegend: false, outline: "#222222");
        for (var i = 0; i < n; i++)
        {
            var head = sentence.Heads[i];
            if (head > 0)
                canvas.Text(panel, (head + i + 1) / 2.0, ArcPath.Baseline + Height(head, i + 1, maxSpan), sentence.Relations[i], 11, "#1f3a93", "#ffffff");
            else
            {
                canvas.Line(panel, "root", [i + 1, i + 1], [ArcPath.Baseline, 1.25], "#222222", 1.6, group: "gold", showLegend: false);
                canvas.Markers(panel, "root arrowhead", [i + 1], [ArcPath.Baseline + 0.02], "#222222", "triangle-down", 9, "gold", showLegend: false, outline: "#222222");
                canvas.Text(panel, i + 1, 1.3, "root", 11, "#1f3a93", "#ffffff", "bottom");
            }
            canvas.Text(panel, i + 1, 0, Escape(sentence.Words[i]), 15);
        }
        var bottom = -0.25;
        if (predictedHeads is not null)
        {
            var correct = new ArcPath();
            var wrong = new ArcPath();
            for (var i = 0; i < n; i++)
            {
                var head = predictedHeads[i];
                if (head <= 0 || head == i + 1) continue;
                var path = head == sentence.Heads[i] ? correct : wrong;
                path.Add(head, i + 1, Height(head, i + 1, maxSpan), above: false);
            }
            var label = predictedLabel ?? "predicted";
            canvas.Line(panel, $"{label}: right head", correct.X, correct.Y, FigureStyle.CorrectColor, 2, group: "right");
            canvas.Markers(panel, "right arrowheads", correct.TipX, correct.TipY, FigureStyle.CorrectColor, "triangle-up", 9, "right", showLegend: false,
                outline: FigureStyle.CorrectColor);
            canvas.Line(panel, $"{label}: wrong head", wrong.X, wrong.Y, FigureStyle.WrongColor, 2, group: "wrong");
            canvas.Markers(panel, "wrong arrowheads", wrong.TipX, wrong.TipY, FigureStyle.WrongColor, "triangle-up", 9, "wrong", showLegend: false,
                outline: FigureStyle.WrongColor);
            bottom = -1.3;
        }
        canvas.SetRange(panel, xAxis: true, 0.3, n + 0.7);
        canvas.SetRange(panel, xAxis: false, bottom, 1.45);
    }

    /// <summary>Arc height: longer arcs higher, the longest reaching 1 above the baseline.</summary>
    private static double Height(int from, int to, int maxSpan) => 0.18 + 0.82 * Math.Abs(from - to) / maxSpan;

    /// <summary>Plotly renders text as HTML: keep &lt; and &amp; literal.</summary>
    private static string Escape(string word) => word.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
