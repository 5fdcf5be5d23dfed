using SuddenDrops.Data;
using System.Globalization;
using Microsoft.Data.Analysis;

namespace SuddenDrops.Training;

/// <summary>
/// A CSV table of metrics, one row per checkpoint (or per logged step), kept as a Microsoft.Data.Analysis
/// <see cref="DataFrame"/>. Columns appear as metrics are first reported (UAS, BLiMP, …); earlier rows
/// hold empty cells for them. Every append rewrites the file atomically, so a crash never loses rows.
/// </summary>
public sealed class MetricsLog
{
    private readonly string path;
    private readonly List<string> columns = [];
    private readonly List<Dictionary<string, object?>> rows = [];

    public MetricsLog(string path)
    {
        this.path = path;
        if (File.Exists(path)) Load();
    }

    public string FilePath => path;
    public int Count => rows.Count;
    public IReadOnlyList<string> Columns => columns;

    /// <summary>Values of a numeric column, NaN where a row has none.</summary>
    public double[] Numbers(string column) => rows.Select(r => r.GetValueOrDefault(column) is double d ? d : double.NaN).ToArray();

    public void Append(IReadOnlyDictionary<string, object?> row)
    {
        foreach (var key in row.Keys)
            if (!columns.Contains(key)) columns.Add(key);
        rows.Add(row.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value)));
        Save();
    }

    /// <summary>The row whose <paramref name="key"/> column equals <paramref name="value"/>, or null.</summary>
    public IReadOnlyDictionary<string, object?>? Find(string key, double value) =>
        rows.FirstOrDefault(r => r.GetValueOrDefault(key) is double d && d == value);

    /// <summary>
    /// Adds the values of <paramref name="row"/> to the row with the same <paramref name="key"/> value (overwriting
    /// columns it names), or inserts it before the first row with a larger key; then rewrites the file atomically.
    /// </summary>
    public void Merge(IReadOnlyDictionary<string, object?> row, string key = MetricColumns.Step)
    {
        if (Normalize(row.GetValueOrDefault(key)) is not double value)
            throw new ArgumentException($"The row to merge into {path} has no numeric '{key}'.", nameof(row));
        foreach (var column in row.Keys)
            if (!columns.Contains(column)) columns.Add(column);
        var existing = rows.FindIndex(r => r.GetValueOrDefault(key) is double d && d == value);
        if (existing >= 0)
            foreach (var (column, cell) in row) rows[existing][column] = Normalize(cell);
        else
        {
            var at = rows.FindIndex(r => r.GetValueOrDefault(key) is double d && d > value);
            rows.Insert(at < 0 ? rows.Count : at, row.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value)));
        }
        Save();
    }

    /// <summary>Drops rows whose <paramref name="column"/> value is above <paramref name="max"/> (used on resume).</summary>
    public void TruncateAfter(string column, double max)
    {
        int before = rows.Count;
        rows.RemoveAll(r => r.GetValueOrDefault(column) is double d && d > max);
        if (rows.Count != before) Save();
    }

    /// <summary>The table as a DataFrame: numeric columns as doubles, others as strings.</summary>
    public DataFrame ToDataFrame()
    {
        var frame = new DataFrame();
        foreach (var name in columns)
        {
            bool numeric = rows.All(r => r.GetValueOrDefault(name) is null or double);
            frame.Columns.Add(numeric
                ? new DoubleDataFrameColumn(name, rows.Select(r => r.GetValueOrDefault(name) as double?))
                : new StringDataFrameColumn(name, rows.Select(r => Format(r.GetValueOrDefault(name)))));
        }
        return frame;
    }

    private void Save() => AtomicFile.Write(path, tmp => DataFrame.SaveCsv(ToDataFrame(), tmp, cultureInfo: CultureInfo.InvariantCulture));

    /// <summary>
    /// Reads every column as text and parses numbers here: DataFrame's type guessing would read them as float and lose
    /// digits (a metric re-read after a resume must equal the one written).
    /// </summary>
    private void Load()
    {
        var names = File.ReadLines(path).FirstOrDefault()?.Split(',') ?? throw new DataFormatException(path, 1, "empty file: expected a header row");
        var frame = DataFrame.LoadCsv(path, dataTypes: [.. names.Select(_ => typeof(string))], cultureInfo: CultureInfo.InvariantCulture);
        foreach (var column in frame.Columns) columns.Add(column.Name);
        for (long i = 0; i < frame.Rows.Count; i++)
        {
            var row = new Dictionary<string, object?>();
            foreach (var column in frame.Columns) row[column.Name] = Normalize(column[i]);
            rows.Add(row);
        }
    }

    private static object? Normalize(object? value) => value switch
    {
        null => null,
        double d => d,
        float f => (double)f,
        int i => (double)i,
        long l => (double)l,
        bool b => b ? 1.0 : 0.0,
        string s when s.Length == 0 => null,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        string s => s,
        IConvertible c => Convert.ToDouble(c, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
