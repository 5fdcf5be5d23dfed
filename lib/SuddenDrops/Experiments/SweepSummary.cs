using SuddenDrops.Data;
using System.Globalization;
using System.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>The summary table of a sweep, one row per (variant, seed), written as CSV atomically.</summary>
public static class SweepSummary
{
    public static readonly string[] Columns =
    [
        "variant", "seed", "state", "final_step", MetricColumns.EvalLoss, MetricColumns.EvalAccuracy, MetricColumns.Uas,
        "uas_structure_onset", "uas_inflection", "uas_capabilities_onset", "uas_rise", "uas_onset_significant", "uas_breakthroughness",
    ];

    public static IReadOnlyList<SweepSummaryRow> Of(IEnumerable<SweepRun> runs) =>
        [.. runs.Select(run => SweepSummaryRow.Of(run, Sweep.StateOf(run)))];

    /// <summary>Writes the rows as CSV (invariant culture, empty cells for missing values; uas_onset_significant 1 or 0).</summary>
    public static void Write(string path, IReadOnlyList<SweepSummaryRow> rows) => AtomicFile.WriteAllText(path, ToCsv(rows));

    public static string ToCsv(IReadOnlyList<SweepSummaryRow> rows)
    {
        var csv = new StringBuilder().AppendLine(string.Join(",", Columns));
        foreach (var r in rows)
            csv.AppendLine(string.Join(",",
                r.Variant, r.Seed.ToString(CultureInfo.InvariantCulture), r.State.ToString(), Number(r.FinalStep), Number(r.EvalLoss),
                Number(r.EvalAccuracy), Number(r.Uas), Number(r.StructureOnset), Number(r.InflectionStep), Number(r.CapabilitiesOnset),
                Number(r.UasRise), r.UasOnsetSignificant ? "1" : "0", Number(r.UasBreakthroughness)));
        return csv.ToString();
    }

    private static string Number(double? value) =>
        value is double d && double.IsFinite(d) ? d.ToString("G6", CultureInfo.InvariantCulture) : "";
}
