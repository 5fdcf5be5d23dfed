using System.Globalization;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// What sets regularised runs apart, for a figure's title: the strength |λ| of the regulariser (of the runs with λ ≠ 0; base
/// runs have λ = 0 whatever their config says), the horizon in steps and the scale (preset, layers × width), all read from
/// the runs' config.json, so that two figures of sweeps that differ only in λ or horizon never share a title.
/// </summary>
internal static class RegularizedRunsTitle
{
    /// <summary>
    /// E.g. "|λ| = 0.001 · 8,000 steps · tiny (2 × 128)"; several values are listed ("|λ| = 0.001, 0.01"); parts no config
    /// gives are left out (empty when none is known).
    /// </summary>
    public static string Describe(IEnumerable<RecordedRun> runs)
    {
        var configs = runs.Select(r => r.Config).OfType<TrainingConfig>().ToList();
        var inv = CultureInfo.InvariantCulture;
        var lambdas = configs.Select(c => c.Regularizer).OfType<RegularizerConfig>().Where(r => r.Variant.Kind != SasVariantKind.Baseline)
            .Select(r => r.Magnitude.ToString("0.######", inv) + (r.Scale == LambdaScale.PerEdge ? " per edge" : "")).Distinct().Order(StringComparer.Ordinal).ToList();
        var steps = configs.Select(c => c.Steps).Distinct().Order().Select(s => s.ToString("N0", inv)).ToList();
        var scales = configs.Select(c => $"{c.Preset} ({c.Model.Layers} × {c.Model.Hidden})").Distinct().Order(StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (lambdas.Count > 0) parts.Add("|λ| = " + string.Join(", ", lambdas));
        if (steps.Count > 0) parts.Add(string.Join(", ", steps) + " steps");
        if (scales.Count > 0) parts.Add(string.Join(", ", scales));
        return string.Join(" · ", parts);
    }

    /// <summary><paramref name="title"/> followed by the settings of <paramref name="runs"/> ("title — |λ| = 0.001 · …").</summary>
    public static string Append(string title, IEnumerable<RecordedRun> runs) =>
        Describe(runs) is { Length: > 0 } settings ? $"{title} — {settings}" : title;
}
