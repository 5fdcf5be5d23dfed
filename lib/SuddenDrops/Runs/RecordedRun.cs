using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Runs;

/// <summary>
/// A run folder read back for figures: its <c>metrics.csv</c> (one row per checkpoint) and its <c>config.json</c>, which
/// gives the run's seed and regulariser variant. Only a folder without a <c>config.json</c> is known by its name instead
/// (<see cref="RunName"/>: <c>&lt;variant&gt;-s&lt;seed&gt;</c>). Reading never writes into the folder.
/// <para>Probes measured after training on the run's checkpoints (<c>sdrops curves</c>) live in
/// <c>curves/probes.csv</c> (<see cref="CurveFiles"/>), one row per evaluated checkpoint with metrics.csv's column names; a
/// column that metrics.csv lacks (or never filled) is read from there, so runs trained before a probe existed still show it.</para>
/// </summary>
public sealed class RecordedRun
{
    private readonly MetricsLog? postHoc;

    private RecordedRun(RunFolder folder, RunName name, TrainingConfig? config, MetricsLog metrics, MetricsLog? postHoc, string? label = null,
        int? blimpPerParadigm = null)
    {
        this.postHoc = postHoc;
        BlimpPerParadigm = blimpPerParadigm ?? config?.ProbeSettings.BlimpPerParadigm;
        RunFolder = folder;
        Folder = folder.Root;
        Name = label ?? Path.GetFileName(folder.Root);
        SasVariant = config is null ? SasVariant.TryParse(name.Variant) : config.Regularizer?.Variant;
        Variant = SasVariant?.ToString() ?? name.Variant;
        Seed = config?.Seed ?? name.Seed;
        SeedInName = name.Seed is not null;
        Config = config;
        Metrics = metrics;
    }

    /// <summary>The folder's name, used as the run's label in figures.</summary>
    public string Name { get; }

    /// <summary>Full path of the run folder.</summary>
    public string Folder { get; }

    /// <summary>
    /// The run's set and name, <c>tiny-silver/base-s0</c>: the folder holding the run, then the run's own folder, which tells
    /// apart runs of the same name in different sets (every sweep has a <c>base-s0</c>).
    /// </summary>
    public string Label => $"{Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Folder)))}/{Name}";

    /// <summary>The run folder's layout (its files and report folders).</summary>
    public RunFolder RunFolder { get; }

    /// <summary>
    /// The run's label among its seeds: its regulariser variant (<c>sas-@2000</c>), or for a run without one the folder name
    /// without its <c>-sN</c> seed suffix (<c>fp32</c>, <c>small</c>).
    /// </summary>
    public string Variant { get; }

    /// <summary>The seed of config.json; for a folder without one, the seed its name gives, if any.</summary>
    public int? Seed { get; }

    /// <summary>Whether the folder name carries a seed (sweep convention).</summary>
    public bool SeedInName { get; }

    /// <summary>
    /// The paper's variant (base, sas+, sas-, sas-@k) of config.json's regulariser, or null for a run trained without one;
    /// for a folder without a config.json, the variant its name gives, if any.
    /// </summary>
    public SasVariant? SasVariant { get; }

    /// <summary>The run's configuration, or null when the folder has no config.json.</summary>
    public TrainingConfig? Config { get; }

    /// <summary>The checkpoint table.</summary>
    public MetricsLog Metrics { get; }

    /// <summary>
    /// Pairs per BLiMP paradigm the training probe scored: config.json's probe setting, or for a table without one the
    /// number its source states (<see cref="LoadTable"/>); null when neither says (0: the probe was off).
    /// </summary>
    public int? BlimpPerParadigm { get; }

    /// <summary>
    /// Pairs the in-training BLiMP probe scored at each checkpoint (the <see cref="MetricColumns.Blimp"/> curve).
    /// </summary>
    /// <remarks>
    /// Neither metrics.csv nor curves/probes.csv records a pair count (<see cref="MetricColumns"/> has no such column), so n
    /// is derived from the probe configuration (<see cref="BlimpPerParadigm"/>: config.json's, or the one a table's source
    /// states, as for the reference run): the probe scores a fixed seeded sample of that many pairs from each of the
    /// <see cref="Data.BlimpReader.ParadigmCount"/> (67) paradigms. A run that says neither, or whose training probe was off
    /// (0 per paradigm, so its curve came from <c>sdrops curves</c>), used <see cref="ProbeConfig"/>'s default, as
    /// <c>CheckpointCurves</c> does. With equal pairs per paradigm the mean over paradigms that the column holds equals the
    /// pair accuracy, so the binomial error applies.
    /// </remarks>
    public int BlimpProbePairs =>
        (BlimpPerParadigm is > 0 and var perParadigm ? perParadigm : new ProbeConfig().BlimpPerParadigm) * Data.BlimpReader.ParadigmCount;

    /// <summary>Path of metrics.csv.</summary>
    public string MetricsPath => Metrics.FilePath;

    /// <summary>Steps of the complete checkpoints saved in <c>checkpoints/</c> (empty when none were kept).</summary>
    public IReadOnlyList<long> CheckpointSteps => RunFolder.Checkpoints.Steps();

    /// <summary>Reads the run folder <paramref name="folder"/>.</summary>
    /// <exception cref="FileNotFoundException">The folder has no metrics.csv.</exception>
    public static RecordedRun Load(string folder)
    {
        var run = new RunFolder(folder);
        if (!run.HasMetrics)
            throw new FileNotFoundException($"{run.Root}: not a run folder (no {RunFolder.MetricsFile}).", run.MetricsPath);
        var postHocPath = CurveFiles.ProbesOf(run);
        var postHoc = File.Exists(postHocPath) ? new MetricsLog(postHocPath) : null;
        return new RecordedRun(run, RunName.Parse(Path.GetFileName(run.Root)), run.TryLoadConfig(), new MetricsLog(run.MetricsPath), postHoc);
    }

    /// <summary>
    /// A checkpoint table on its own, outside a run folder (metrics.csv's column names, a <c>tokens</c> column, no
    /// config.json), e.g. the independent reference run (<see cref="ReferenceRun"/>); <paramref name="name"/> and
    /// <paramref name="seed"/> stand in for the folder's name, <paramref name="blimpPerParadigm"/> for the probe setting
    /// (pairs per paradigm of its <c>blimp</c> column, where its source states it).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static RecordedRun LoadTable(string csv, string name, int? seed, int? blimpPerParadigm = null)
    {
        if (!File.Exists(csv)) throw new FileNotFoundException($"{csv} does not exist.", csv);
        var folder = new RunFolder(Path.GetDirectoryName(Path.GetFullPath(csv))!);
        return new RecordedRun(folder, new RunName(name, seed), null, new MetricsLog(csv), null, name, blimpPerParadigm);
    }

    /// <summary>
    /// Tokens per optimiser step: from metrics.csv's tokens column (tokens ÷ step at the last checkpoint past step 0), else
    /// from config.json (sequence length × batch size).
    /// </summary>
    /// <exception cref="InvalidDataException">Neither a tokens column nor a config.json.</exception>
    public double TokensPerStep
    {
        get
        {
            var tokens = Series(MetricColumns.Tokens);
            for (var i = tokens.Count - 1; i >= 0; i--)
                if (tokens.Steps[i] > 0) return tokens.Values[i] / tokens.Steps[i];
            return Config is { } c ? c.TokensPerStep
                : throw new InvalidDataException($"{MetricsPath}: no '{MetricColumns.Tokens}' column and no config.json to derive tokens per step from.");
        }
    }

    /// <summary>Whether <paramref name="column"/> holds at least one measured value.</summary>
    public bool Has(string column) => Series(column).Count > 0;

    /// <summary>
    /// The checkpoints where <paramref name="column"/> was measured (empty when the column does not exist): metrics.csv's
    /// values and, at the steps it has no value for, those of <c>curves/probes.csv</c> (a probe added after training, or the
    /// dense window <c>sdrops curves --dense</c> evaluated between the training log's probes). Where both have a step,
    /// the training log's value is kept (<c>sdrops curves</c> computes the same value there with the same code).
    /// </summary>
    public MetricSeries Series(string column)
    {
        var trained = SeriesIn(Metrics, column);
        if (postHoc is null) return trained;
        var measured = SeriesIn(postHoc, column);
        if (measured.IsEmpty) return trained;
        if (trained.IsEmpty) return measured;
        var byStep = new SortedDictionary<double, double>();
        for (var i = 0; i < measured.Count; i++) byStep[measured.Steps[i]] = measured.Values[i];
        for (var i = 0; i < trained.Count; i++) byStep[trained.Steps[i]] = trained.Values[i];
        return new MetricSeries(column, [.. byStep.Keys], [.. byStep.Values]);
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
            .Where(k => k >= 0 && Has(MetricColumns.IntrinsicDimension(k)))
            .Order(),
    ];

    public override string ToString() => $"{Name} ({Metrics.Count} checkpoints, {Folder})";
}
