using System.Globalization;

namespace SuddenDrops.Notebooks;

/// <summary>Numbers as the notebooks' tables show them (registered as the notebook's formatter for doubles).</summary>
public static class NumberText
{
    /// <summary>Whole numbers from 1,000 on with thousands separators (steps), smaller ones to four decimals at most; NaN as "—".</summary>
    public static string Short(double value) =>
        double.IsNaN(value) ? "—"
        : Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);
}
