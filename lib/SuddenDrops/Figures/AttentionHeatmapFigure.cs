using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Data;
using SuddenDrops.Metrics;

namespace SuddenDrops.Figures;

/// <summary>
/// One attention head's word-level attention on a sentence beside the gold tree (Clark et al. 2019; Chen et al. 2024, §2.1).
/// Left: the map the implicit parse reads ([CLS]/[SEP] dropped, diagonal zeroed), rows = the word attending, columns = the
/// word attended to; black frames mark the gold edges in the cells this direction reads (dep2head: row = dependent,
/// column = head; head2dep: row = head, column = dependent), and a ✕ marks each word's predicted head (green right, red wrong).
/// Right: the gold tree with this head's parse below it.
/// </summary>
public static class AttentionHeatmapFigure
{
    /// <summary>File name (without extension) used by <c>sdrops figures</c>.</summary>
    public const string FileName = "attention-heatmap";

    /// <summary>The figure for (<paramref name="layer"/>, <paramref name="head"/>) read in <paramref name="direction"/>.</summary>
    public static Plotly.NET.GenericChart Create(DependencySentence sentence, WordAttention attention, int layer, int head,
        AttentionDirection direction, string? title = null)
    {
        if (attention.WordCount != sentence.Count)
            throw new ArgumentException($"Sentence {sentence.Id} has {sentence.Count} words but the attention covers {attention.WordCount}.");
        var trimmed = attention.Trim();
        var predicted = ImplicitParse.PredictHeads(trimmed, layer, head, direction);
        var words = ParseComparison.Compare(sentence, predicted);
        var n = sentence.Count;
        var headName = HeadLabel.Of(layer, head, direction);
        var canvas = new FigureCanvas(title ?? string.Create(CultureInfo.InvariantCulture,
                $"Head {headName} on sentence {SentenceTitle.ShortId(sentence.Id)}: {words.Count(w => w.Correct)} of {n} heads right (UAS {ParseComparison.Uas(words):F2})"),
            Math.Max(1300, 60 * n + 700), Math.Max(620, 26 * n + 260))
        {
            LegendBelow = true,
        };
        var split = Math.Clamp(0.12 + 0.02 * n, 0.35, 0.5);
        var map = canvas.AddPanel(new PanelBox(0, split, 0.06, 1), $"attention of layer {layer}, head {head}", "attended to", "attending", reversedY: true);
        var tree = canvas.AddPanel(new PanelBox(split + 0.12, 1, 0, 1), $"gold tree (above) and the {DirectionName(direction)} parse (below)", "", "", hideAxes: true);

        var values = Matrix(trimmed, layer, head);
        var labels = sentence.Words.Select((w, i) => $"{i + 1} {w}").ToArray();
        var hover = Enumerable.Range(0, n).Select(i => (IReadOnlyList<string>)Enumerable.Range(0, n)
            .Select(j => string.Create(CultureInfo.InvariantCulture, $"{sentence.Words[i]} → {sentence.Words[j]}: {values[i][j]:F3}")).ToArray()).ToArray();
        canvas.Heatmap(map, headName, values, FigureStyle.AttentionScale, 0, Math.Max(1e-6, values.SelectMany(r => r).Max()), "attention", split + 0.01, hover);
        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        canvas.SetTicks(map, xAxis: true, positions, labels, angle: -60);
        canvas.SetTicks(map, xAxis: false, positions, labels);

        for (var i = 0; i < n; i++)
        {
            var goldHead = sentence.Heads[i];
            if (goldHead <= 0) continue;
            var (row, column) = direction == AttentionDirection.DependentToHead ? (i, goldHead - 1) : (goldHead - 1, i);
            canvas.Rectangle(map, column - 0.5, row - 0.5, column + 0.5, row + 0.5, "#000000", 2);
        }
        DrawPredictions(canvas, map, words, direction);
        canvas.LegendEntry("gold edge (framed cell)", "#000000", "square-open");
        DependencyTreeFigure.Draw(canvas, tree, sentence, predicted, headName);
        return canvas.ToChart();
    }

    private static void DrawPredictions(FigureCanvas canvas, PanelAxes map, IReadOnlyList<WordParse> words, AttentionDirection direction)
    {
        foreach (var correct in new[] { true, false })
        {
            var chosen = words.Where(w => w.Correct == correct && w.PredictedHead > 0).ToList();
            if (chosen.Count == 0) continue;
            var cells = chosen.Select(w => direction == AttentionDirection.DependentToHead
                ? (Row: w.Position - 1, Column: w.PredictedHead - 1)
                : (Row: w.PredictedHead - 1, Column: w.Position - 1)).ToList();
            var color = correct ? FigureStyle.CorrectColor : FigureStyle.WrongColor;
            canvas.Markers(map, correct ? "predicted head: right" : "predicted head: wrong", cells.Select(c => (double)c.Column).ToArray(),
                cells.Select(c => (double)c.Row).ToArray(), color, "x-thin-open", 11, "cells", showLegend: true,
                hoverText: chosen.Select(w => $"{w.Word}: predicted head {w.PredictedHeadWord}, gold {w.GoldHeadWord}").ToArray(), outline: color);
        }
    }

    /// <summary>The head's [n, n] map as rows.</summary>
    private static double[][] Matrix(TrimmedWordAttention trimmed, int layer, int head)
    {
        var n = trimmed.WordCount;
        var map = trimmed.Map(layer, head);
        var rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            rows[i] = new double[n];
            for (var j = 0; j < n; j++) rows[i][j] = map[i * n + j];
        }
        return rows;
    }

    private static string DirectionName(AttentionDirection direction) =>
        direction == AttentionDirection.DependentToHead ? "dep2head" : "head2dep";
}
