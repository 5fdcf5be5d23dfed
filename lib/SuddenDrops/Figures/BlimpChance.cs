using System.Globalization;
using SuddenDrops.Data;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// BLiMP's chance level and its sampling error, drawn on every BLiMP panel: a model that cannot tell the two sentences of
/// a pair apart is right on half of them (50 %), and an accuracy p measured on n pairs has the binomial standard error
/// √(p(1 − p)/n), so a curve inside 50 % ± 1 SE is indistinguishable from chance.
/// </summary>
internal static class BlimpChance
{
    /// <summary>Chance accuracy: one of two sentences.</summary>
    public const double Level = 0.5;

    /// <summary>Legend group of the chance line and its band.</summary>
    public const string LegendGroup = "blimp-chance";

    /// <summary>Binomial standard error of an accuracy <paramref name="accuracy"/> measured on <paramref name="pairs"/> pairs.</summary>
    public static double StandardError(double accuracy, int pairs) =>
        pairs > 0 ? Math.Sqrt(accuracy * (1 - accuracy) / pairs) : double.NaN;

    /// <summary>" ± 0.027 (n = 335)": the hover suffix of an accuracy measured on <paramref name="pairs"/> pairs.</summary>
    public static string Hover(double accuracy, int pairs) =>
        string.Create(CultureInfo.InvariantCulture, $" ± {StandardError(accuracy, pairs):F3} (1 SE, n = {pairs:N0} pairs)");

    /// <summary>
    /// The chance line at 50 % from x = <paramref name="from"/> to <paramref name="to"/> and the band 50 % ± 1 SE for the
    /// smallest sample among <paramref name="pairs"/> (the widest band), both in the legend as one entry.
    /// </summary>
    public static void Draw(FigureCanvas canvas, PanelAxes panel, double from, double to, IEnumerable<int> pairs)
    {
        var n = pairs.DefaultIfEmpty(0).Min();
        if (n <= 0) return;
        var se = StandardError(Level, n);
        var name = string.Create(CultureInfo.InvariantCulture, $"BLiMP chance 50 % ± 1 SE ({se:F3}, n = {n:N0} pairs)");
        canvas.Band(panel, name, from, to, Level - se, Level + se, FigureStyle.ChanceBandFill, LegendGroup, showLegend: false);
        canvas.Line(panel, name, [from, to], [Level, Level], FigureStyle.ReferenceGray, 1.5, "dot", LegendGroup);
    }
}
