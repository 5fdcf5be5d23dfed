using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// Applies <see cref="OnsetDetector"/> to any column of a run's <c>metrics.csv</c> (uas, eval_acc, blimp, …; a loss with
/// <see cref="RiseDirection.Falling"/>), over the checkpoint steps. Rows without a finite value in the column are left out.
/// The MLM loss falls fastest in the first few hundred steps, so its later drop (the one that comes with SAS) is found only
/// when the analysis starts after that: <c>fromStep</c>.
/// </summary>
public static class OnsetSummary
{
    /// <summary>Rising metrics by default; losses (columns ending in "loss") are analysed as drops.</summary>
    public static OnsetOptions DefaultOptionsFor(string column) =>
        column.EndsWith("loss", StringComparison.OrdinalIgnoreCase) ? new OnsetOptions { Direction = RiseDirection.Falling }
        : column == MetricColumns.Uas ? OnsetOptions.UasVerdict
        : new OnsetOptions();

    /// <summary>The analysis of <paramref name="column"/> in a metrics CSV file or a run folder holding one.</summary>
    public static MetricOnset Of(string metricsCsvOrRunFolder, string column, OnsetOptions? options = null, double fromStep = double.NegativeInfinity)
    {
        var path = Directory.Exists(metricsCsvOrRunFolder) ? new RunFolder(metricsCsvOrRunFolder).MetricsPath : metricsCsvOrRunFolder;
        if (!File.Exists(path)) throw new FileNotFoundException($"No metrics file at {path}.");
        return Of(new MetricsLog(path), column, options, fromStep);
    }

    /// <summary>The analysis of <paramref name="column"/> from <paramref name="fromStep"/> on; throws when the column is missing or has fewer than 5 finite values there.</summary>
    public static MetricOnset Of(MetricsLog metrics, string column, OnsetOptions? options = null, double fromStep = double.NegativeInfinity)
    {
        if (!metrics.Columns.Contains(column))
            throw new ArgumentException($"{metrics.FilePath} has no column '{column}' (columns: {string.Join(", ", metrics.Columns)}).");
        var series = MetricSeries.FromColumns(column, metrics.Numbers(MetricColumns.Step), metrics.Numbers(column)).From(fromStep);
        if (series.Count < 5)
            throw new ArgumentException($"{metrics.FilePath}: column '{column}' has {series.Count} finite values; onset detection needs at least 5 checkpoints.");
        var analysis = OnsetDetector.Analyze(series.Steps, series.Values, options ?? DefaultOptionsFor(column));
        return new MetricOnset(column, series.Count, series.Steps[^1], series.Values[^1], analysis);
    }
}
