using SuddenDrops.Training;

namespace SuddenDrops.Plots;

/// <summary>
/// A run folder read back for figures: its <c>metrics.csv</c> (one row per checkpoint), its <c>config.json</c> when
/// present, and the variant and seed its folder name gives (<see cref="RunName"/>). Reading never writes into the folder.
/// <para>Probes measured after training on the run's checkpoints (<c>sdrops curves</c>) live in
/// <c>curves/probes.csv</c>, one row per evaluated checkpoint with metrics.csv's column names; a column that metrics.csv
/// lacks (or never filled) is read from there, so runs trained before a probe existed still show it.</para>
/// </summary>
public sealed class RecordedRun
{
    /// <summary>Path of the post-hoc probe table inside a run folder.</summary>
    public static readonly string PostHocProbesFile = Path.Combine("curves", "probes.csv");

    private readonly MetricsLog? postHoc;

    private RecordedRun(string folder, RunName name, TrainingConfig? config, MetricsLog metrics, MetricsLog? postHoc)
    {
        this.postHoc = postHoc;
        Folder = folder;
        Name = Path.GetFileName(folder);
        Variant = name.Variant;
        Seed = name.Seed ?? config?.Seed;
        SeedInName = name.Seed is not null;
        Config = config;
        Metrics = metrics;
    }

    /// <summary>The folder's name, used as the run's label in figures.</summary>
    public string Name { get; }

    /// <summary>Full path of the run folder.</summary>
    public string Folder { get; }

    /// <summary>The folder name without its <c>-sN</c> seed suffix.</summary>
    public string Variant { get; }

    /// <summary>The seed from the folder name, else from config.json; null when neither gives one.</summary>
    public int? Seed { get; }

    /// <summary>Whether the folder name carried the seed (sweep convention).</summary>
    public bool SeedInName { get; }

    /// <summary>The paper's variant the name denotes (base, sas+, sas-, sas-@k), or null for other runs.</summary>
    public SasVariant? SasVariant => SasVariant.TryParse(Variant);

    /// <summary>The run's configuration, or null when the folder has no config.json.</summary>
    public TrainingConfig? Config { get; }

    /// <summary>The checkpoint table.</summary>
    public MetricsLog Metrics { get; }

    /// <summary>Path of metrics.csv.</summary>
    public string MetricsPath => Metrics.FilePath;

    /// <summary>Steps of the complete checkpoints saved in <c>checkpoints/</c> (empty when none were kept).</summary>
    public IReadOnlyList<long> CheckpointSteps => new CheckpointStore(Path.Combine(Folder, "checkpoints")).Steps();

    /// <summary>Reads the run folder <paramref name="folder"/>.</summary>
    /// <exception cref="FileNotFoundException">The folder has no metrics.csv.</exception>
    public static RecordedRun Load(string folder)
    {
        var full = Path.GetFullPath(folder);
        var metricsPath = Path.Combine(full, "metrics.csv");
        if (!File.Exists(metricsPath))
            throw new FileNotFoundException($"{full}: not a run folder (no metrics.csv).", metricsPath);
        var configPath = Path.Combine(full, "config.json");
        var config = File.Exists(configPath) ? JsonFiles.Load<TrainingConfig>(configPath) : null;
        var postHocPath = Path.Combine(full, PostHocProbesFile);
        var postHoc = File.Exists(postHocPath) ? new MetricsLog(postHocPath) : null;
        return new RecordedRun(full, RunName.Parse(Path.GetFileName(full)), config, new MetricsLog(metricsPath), postHoc);
    }

    /// <summary>Whether <paramref name="column"/> holds at least one measured value.</summary>
    public bool Has(string column) => Series(column).Count > 0;

    /// <summary>The checkpoints where <paramref name="column"/> was measured (empty when the column does not exist).</summary>
    public MetricSeries Series(string column)
    {
        var trained = SeriesIn(Metrics, column);
        return trained.IsEmpty && postHoc is not null ? SeriesIn(postHoc, column) : trained;
    }

    /// <summary>The columns of metrics.csv followed by those only the post-hoc probe table has.</summary>
    public IReadOnlyList<string> Columns =>
        postHoc is null ? Metrics.Columns : [.. Metrics.Columns.Union(postHoc.Columns, StringComparer.Ordinal)];

    private static MetricSeries SeriesIn(MetricsLog log, string column) =>
        log.Columns.Contains(column)
            ? MetricSeries.FromColumns(column, log.Numbers(MetricColumns.Step), log.Numbers(column))
            : new MetricSeries(column, [], []);

    /// <summary>
    /// The layers k with a TwoNN column <c>id_Lk</c>, ascending (k = 0 is the embedding output); empty when the run
    /// was trained without the TwoNN probe.
    /// </summary>
    public IReadOnlyList<int> IntrinsicDimensionLayers =>
    [
        .. Columns
            .Where(c => c.StartsWith(MetricColumns.IntrinsicDimensionPrefix, StringComparison.Ordinal))
            .Select(c => int.TryParse(c[MetricColumns.IntrinsicDimensionPrefix.Length..], out var k) ? k : -1)
            .Where(k => k >= 0 && Has(MetricColumns.IntrinsicDimensionPrefix + k))
            .Order(),
    ];

    public override string ToString() => $"{Name} ({Metrics.Count} checkpoints, {Folder})";
}
