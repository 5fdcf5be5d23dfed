using System.Globalization;

namespace SuddenDrops.Analysis;

/// <summary>
/// How a number varies over the seeds of one variant, as text for a report cell: the value for one seed,
/// "mean ± sd (n = k)" for several (sample standard deviation), "—" when no seed measured it. Seeds that did not measure
/// it are named: "0.351 ± 0.012 (n = 2 of 3)".
/// </summary>
public static class SeedSpread
{
    /// <summary>Formats <paramref name="values"/> (null = not measured for that seed) with the .NET format <paramref name="format"/>.</summary>
    public static string Format(IReadOnlyList<double?> values, string format)
    {
        var measured = values.OfType<double>().ToList();
        if (measured.Count == 0) return "—";
        var inv = CultureInfo.InvariantCulture;
        if (values.Count == 1) return measured[0].ToString(format, inv);
        var of = measured.Count == values.Count ? "" : $" of {values.Count}";
        if (measured.Count == 1) return $"{measured[0].ToString(format, inv)} (n = 1{of})";
        var mean = measured.Average();
        var sd = Math.Sqrt(measured.Sum(v => (v - mean) * (v - mean)) / (measured.Count - 1));
        return $"{mean.ToString(format, inv)} ± {sd.ToString(format, inv)} (n = {measured.Count}{of})";
    }
}
