using System.Globalization;
using SuddenDrops.Data;

namespace SuddenDrops.Experiments;

/// <summary>
/// <c>curves/relations.csv</c>: <see cref="RelationCurveRow"/>s, comma-separated, invariant culture, a header line
/// <c>step,relation,words,uas,head,uas_overall,overall_head,baseline_offset,baseline_uas</c>. Written atomically.
/// </summary>
public static class RelationCurveCsv
{
    public const string Header = "step,relation,words,uas,head,uas_overall,overall_head,baseline_offset,baseline_uas";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The rows of <paramref name="path"/>, or none when the file does not exist.</summary>
    /// <exception cref="DataFormatException">A line that is not a row of this table (file and line named).</exception>
    public static List<RelationCurveRow> Read(string path) =>
        File.Exists(path) ? HeaderedCsv.Read(path, Header, Parse) : [];

    /// <summary>Writes all rows (header first) to a temporary file and renames it over <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<RelationCurveRow> rows)
    {
        var lines = new List<string> { Header };
        lines.AddRange(rows.Select(Format));
        AtomicFile.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    private static string Format(RelationCurveRow r) => string.Join(',',
        r.Step.ToString(Invariant), r.Relation, r.Words.ToString(Invariant), r.Uas.ToString("R", Invariant), r.Head,
        r.OverallUas.ToString("R", Invariant), r.OverallHead, r.BaselineOffset.ToString(Invariant), r.BaselineUas.ToString("R", Invariant));

    private static RelationCurveRow Parse(string path, int lineNumber, string line)
    {
        var cells = line.Split(',');
        if (cells.Length != 9) throw new DataFormatException(path, lineNumber, $"expected 9 comma-separated cells, found {cells.Length}");
        long Long(int i) => long.TryParse(cells[i], NumberStyles.AllowLeadingSign, Invariant, out var v) ? v
            : throw new DataFormatException(path, lineNumber, $"cell {i + 1} ('{cells[i]}') is not an integer");
        double Number(int i) => double.TryParse(cells[i], NumberStyles.Float, Invariant, out var v) ? v
            : throw new DataFormatException(path, lineNumber, $"cell {i + 1} ('{cells[i]}') is not a number");
        return new RelationCurveRow(Long(0), cells[1], Long(2), Number(3), cells[4], Number(5), cells[6], (int)Long(7), Number(8));
    }
}
