using System.Globalization;
using SuddenDrops.Runs;

namespace SuddenDrops.Figures;

/// <summary>
/// The y range of a held-out MLM loss panel. The loss falls from about ln(vocabulary) ≈ 8.7–10 nats to about 7 within the
/// learning-rate warm-up, and on an automatic range that transient takes most of the axis, leaving the drop between ▲ and
/// ⏺ (a few tenths of a nat to one nat) squeezed at the bottom. Choice: keep a linear step axis (a log step axis cannot
/// show step 0 and would stretch the warm-up instead) and fit the y range to the curves from the end of warm-up on; the
/// first checkpoints leave the panel at its top, and the panel title says from which step (the end of warm-up) the range is fitted.
/// </summary>
internal static class LossAxis
{
    /// <summary>Fraction of the fitted span added above and below.</summary>
    private const double Padding = 0.05;

    /// <summary>
    /// The last warm-up step among <paramref name="runs"/> (config.json's optimizer), or null when no run has a config or a warm-up.
    /// </summary>
    public static double? WarmupEnd(IEnumerable<RecordedRun> runs) =>
        runs.Select(r => r.Config?.Optimizer.WarmupSteps).OfType<int>().Where(w => w > 0).Select(w => (double?)w).DefaultIfEmpty(null).Max();

    /// <summary>The panel title: "Held-out MLM loss", with the step the y range is fitted from when there is one.</summary>
    public static string Title(double? warmupEnd) => warmupEnd is double w
        ? string.Create(CultureInfo.InvariantCulture, $"Held-out MLM loss (y range from step {w:N0})")
        : "Held-out MLM loss";

    /// <summary>
    /// Fits the y axis of <paramref name="panel"/> to the values of <paramref name="curves"/> at steps ≥ <paramref name="warmupEnd"/>
    /// (all values below as well, so no part of a curve after warm-up is cut); leaves the automatic range when there is no warm-up.
    /// </summary>
    public static void Fit(FigureCanvas canvas, PanelAxes panel, IEnumerable<MetricSeries> curves, double? warmupEnd)
    {
        if (warmupEnd is not double from) return;
        var list = curves.ToList();
        var after = list.SelectMany(c => c.Steps.Zip(c.Values)).Where(p => p.First >= from && double.IsFinite(p.Second)).Select(p => p.Second).ToList();
        var all = list.SelectMany(c => c.Values).Where(double.IsFinite).ToList();
        if (after.Count < 2) return;
        var (low, high) = (all.Min(), after.Max());
        var padding = Math.Max(1e-3, Padding * (high - low));
        canvas.SetRange(panel, xAxis: false, low - padding, high + padding);
    }
}
