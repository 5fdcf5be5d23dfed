using System.Globalization;
using SuddenDrops.Data;
using SuddenDrops.Metrics;

namespace SuddenDrops.Experiments;

/// <summary>
/// Which dependency relations the implicit parse acquires first, and whether they jump together: the onset
/// (<see cref="OnsetDetector"/>, default options) of each relation's UAS curve in <c>curves/relations.csv</c>.
/// A pure function of the rows, so reports and tests can recompute it; <see cref="Write(string, IEnumerable{RelationOnset})"/> saves
/// <c>curves/relation_onsets.csv</c> (<see cref="RelationOnsetRow"/>s under the <see cref="Columns"/>) and <see cref="Read"/>
/// reads it back.
/// </summary>
public static class RelationOnsets
{
    /// <summary>The columns of <c>relation_onsets.csv</c>, one per field of <see cref="RelationOnsetRow"/>, in order.</summary>
    public static class Column
    {
        public const string Relation = "relation";
        public const string Words = "words";
        public const string Checkpoints = "checkpoints";
        public const string FinalStep = "final_step";
        public const string FinalUas = "final_uas";
        public const string FinalOverallUas = "final_uas_overall";
        public const string MaxUas = "max_uas";
        public const string BaselineOffset = "baseline_offset";
        public const string BaselineUas = "baseline_uas";
        public const string BeatsBaseline = "beats_baseline";
        public const string StructureOnset = "structure_onset";
        public const string Inflection = "inflection";
        public const string CapabilitiesOnset = "capabilities_onset";
        public const string Rise = "rise";
        public const string RiseFraction = "rise_fraction";
        public const string Sharpness = "sharpness";
        public const string RiseOverNoise = "rise_over_noise";
        public const string Significant = "significant";
        public const string Breakthroughness = "breakthroughness";
    }

    /// <summary>The column names in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        Column.Relation, Column.Words, Column.Checkpoints, Column.FinalStep, Column.FinalUas, Column.FinalOverallUas, Column.MaxUas,
        Column.BaselineOffset, Column.BaselineUas, Column.BeatsBaseline, Column.StructureOnset, Column.Inflection, Column.CapabilitiesOnset,
        Column.Rise, Column.RiseFraction, Column.Sharpness, Column.RiseOverNoise, Column.Significant, Column.Breakthroughness,
    ];

    /// <summary>The header line.</summary>
    public static string Header { get; } = string.Join(',', Columns);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One onset per relation, in the order relations first appear in <paramref name="rows"/>.</summary>
    public static IReadOnlyList<RelationOnset> From(IEnumerable<RelationCurveRow> rows, OnsetOptions? options = null)
    {
        var result = new List<RelationOnset>();
        foreach (var curve in rows.GroupBy(r => r.Relation, StringComparer.Ordinal))
        {
            var points = curve.OrderBy(r => r.Step).ToList();
            var duplicate = points.Zip(points.Skip(1)).FirstOrDefault(p => p.First.Step == p.Second.Step);
            if (duplicate != default)
                throw new ArgumentException($"Relation '{curve.Key}' has two rows at step {duplicate.First.Step}.", nameof(rows));
            var analysis = points.Count >= 5
                ? OnsetDetector.Analyze(points.Select(p => (double)p.Step).ToArray(), points.Select(p => p.Uas).ToArray(), options)
                : null;
            var last = points[^1];
            result.Add(new RelationOnset(curve.Key, last.Words, points.Count, last.Step, last.Uas, last.OverallUas, points.Max(p => p.Uas),
                last.BaselineOffset, last.BaselineUas, analysis));
        }
        return result;
    }

    /// <summary>Writes the table atomically (empty cells where there is no candidate rise).</summary>
    public static void Write(string path, IEnumerable<RelationOnset> onsets) => Write(path, onsets.Select(RelationOnsetRow.Of));

    /// <summary>Writes rows atomically (those of <see cref="Read"/> give the file they were read from, byte for byte).</summary>
    public static void Write(string path, IEnumerable<RelationOnsetRow> rows)
    {
        var lines = new List<string> { Header };
        lines.AddRange(rows.Select(Format));
        AtomicFile.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    /// <summary>The rows of a table <see cref="Write(string, IEnumerable{RelationOnset})"/> wrote.</summary>
    /// <exception cref="DataFormatException">Another header, or a line that is not a row of this table (file and line named).</exception>
    public static IReadOnlyList<RelationOnsetRow> Read(string path) => HeaderedCsv.Read(path, Header, Parse);

    private static string Format(RelationOnsetRow r) => string.Join(',',
        r.Relation, I(r.Words), I(r.Checkpoints), I(r.FinalStep), F(r.FinalUas), F(r.FinalOverallUas), F(r.MaxUas),
        I(r.BaselineOffset), F(r.BaselineUas), r.BeatsBaseline ? "1" : "0",
        F(r.StructureOnset), F(r.Inflection), F(r.CapabilitiesOnset), F(r.Rise), F(r.RiseFraction), F(r.Sharpness),
        F(r.RiseOverNoise), r.Significant is bool s ? (s ? "1" : "0") : "", F(r.Breakthroughness));

    private static RelationOnsetRow Parse(string path, int lineNumber, string line)
    {
        var cells = line.Split(',');
        if (cells.Length != Columns.Count)
            throw new DataFormatException(path, lineNumber, $"{cells.Length} cells for {Columns.Count} columns");
        DataFormatException Bad(int i, string what) => new(path, lineNumber, $"{Columns[i]} ('{cells[i]}') is not {what}");
        long Long(int i) => long.TryParse(cells[i], NumberStyles.AllowLeadingSign, Invariant, out var v) ? v : throw Bad(i, "an integer");
        double? Optional(int i) => cells[i].Length == 0 ? null
            : double.TryParse(cells[i], NumberStyles.Float, Invariant, out var v) ? v : throw Bad(i, "a number");
        double Number(int i) => Optional(i) ?? double.NaN;
        bool? Flag(int i) => cells[i] switch { "" => null, "0" => false, "1" => true, _ => throw Bad(i, "0 or 1") };
        return new RelationOnsetRow(cells[0], Long(1), (int)Long(2), Long(3), Number(4), Number(5), Number(6), (int)Long(7), Number(8),
            Flag(9) ?? false, Optional(10), Optional(11), Optional(12), Optional(13), Optional(14), Optional(15), Optional(16), Flag(17),
            Optional(18));
    }

    private static string I(long value) => value.ToString(Invariant);

    private static string F(double? value) => value is double d && !double.IsNaN(d) ? d.ToString("R", Invariant) : "";
}
