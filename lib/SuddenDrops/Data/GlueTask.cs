namespace SuddenDrops.Data;

/// <summary>
/// A GLUE task (Wang et al. 2019) and the column layout of its <c>train.tsv</c>/<c>dev.tsv</c>.
/// Fields are separated by tabs only: quotes are ordinary characters, never quoting (MRPC and STS-B
/// sentences contain unbalanced quotes). Column indices are 0-based.
/// </summary>
public sealed record GlueTask
{
    /// <summary>Display name, e.g. "SST-2".</summary>
    public required string Name { get; init; }

    /// <summary>Folder under the GLUE directory, e.g. "SST-2".</summary>
    public required string Folder { get; init; }

    /// <summary>True for STS-B (a real score); false for the classification tasks.</summary>
    public required bool IsRegression { get; init; }

    /// <summary>Number of classes; 1 for the regression task.</summary>
    public required int NumClasses { get; init; }

    /// <summary>Metrics GLUE reports for the task, the first being the main one.</summary>
    public required IReadOnlyList<GlueMetric> Metrics { get; init; }

    /// <summary>Whether the first line is a header (all but CoLA).</summary>
    public required bool HasHeader { get; init; }

    /// <summary>The expected header fields when <see cref="HasHeader"/> (checked exactly).</summary>
    public IReadOnlyList<string> Header { get; init; } = [];

    /// <summary>Number of tab-separated fields every line must have.</summary>
    public required int ColumnCount { get; init; }

    public required int TextAColumn { get; init; }

    /// <summary>Column of the second sentence; null for single-sentence tasks.</summary>
    public int? TextBColumn { get; init; }

    public required int LabelColumn { get; init; }

    public required GlueLabelFormat LabelFormat { get; init; }

    /// <summary>CoLA: no header; <c>source, label(0/1), original_mark, sentence</c>. Metric: Matthews correlation.</summary>
    public static GlueTask CoLA { get; } = new()
    {
        Name = "CoLA", Folder = "CoLA", IsRegression = false, NumClasses = 2,
        Metrics = [GlueMetric.MatthewsCorrelation], HasHeader = false, ColumnCount = 4,
        TextAColumn = 3, LabelColumn = 1, LabelFormat = GlueLabelFormat.ZeroOne,
    };

    /// <summary>SST-2: <c>sentence, label(0/1)</c>. Metric: accuracy.</summary>
    public static GlueTask Sst2 { get; } = new()
    {
        Name = "SST-2", Folder = "SST-2", IsRegression = false, NumClasses = 2,
        Metrics = [GlueMetric.Accuracy], HasHeader = true, Header = ["sentence", "label"], ColumnCount = 2,
        TextAColumn = 0, LabelColumn = 1, LabelFormat = GlueLabelFormat.ZeroOne,
    };

    /// <summary>MRPC: <c>Quality, #1 ID, #2 ID, #1 String, #2 String</c>. Metrics: F1 and accuracy.</summary>
    public static GlueTask Mrpc { get; } = new()
    {
        Name = "MRPC", Folder = "MRPC", IsRegression = false, NumClasses = 2,
        Metrics = [GlueMetric.F1, GlueMetric.Accuracy], HasHeader = true,
        Header = ["Quality", "#1 ID", "#2 ID", "#1 String", "#2 String"], ColumnCount = 5,
        TextAColumn = 3, TextBColumn = 4, LabelColumn = 0, LabelFormat = GlueLabelFormat.ZeroOne,
    };

    /// <summary>
    /// STS-B: 10 columns <c>index, genre, filename, year, old_index, source1, source2, sentence1, sentence2, score</c>.
    /// Metrics: Pearson and Spearman correlation.
    /// </summary>
    public static GlueTask StsB { get; } = new()
    {
        Name = "STS-B", Folder = "STS-B", IsRegression = true, NumClasses = 1,
        Metrics = [GlueMetric.Pearson, GlueMetric.Spearman], HasHeader = true,
        Header = ["index", "genre", "filename", "year", "old_index", "source1", "source2", "sentence1", "sentence2", "score"],
        ColumnCount = 10, TextAColumn = 7, TextBColumn = 8, LabelColumn = 9, LabelFormat = GlueLabelFormat.Score,
    };

    /// <summary>RTE: <c>index, sentence1, sentence2, label(entailment|not_entailment)</c>. Metric: accuracy.</summary>
    public static GlueTask Rte { get; } = new()
    {
        Name = "RTE", Folder = "RTE", IsRegression = false, NumClasses = 2,
        Metrics = [GlueMetric.Accuracy], HasHeader = true, Header = ["index", "sentence1", "sentence2", "label"],
        ColumnCount = 4, TextAColumn = 1, TextBColumn = 2, LabelColumn = 3, LabelFormat = GlueLabelFormat.Entailment,
    };

    /// <summary>The five tasks available in the shared data, in GLUE's order.</summary>
    public static IReadOnlyList<GlueTask> All { get; } = [CoLA, Sst2, Mrpc, StsB, Rte];

    /// <summary>Whether the task pairs two sentences.</summary>
    public bool IsPairTask => TextBColumn is not null;

    /// <summary>The task named <paramref name="name"/>, ignoring case and hyphens ("sst2", "STS-B", "stsb").</summary>
    public static GlueTask FromName(string name)
    {
        static string Key(string text) => text.Replace("-", "").ToLowerInvariant();
        return All.FirstOrDefault(task => Key(task.Name) == Key(name))
            ?? throw new ArgumentException(
                $"Unknown GLUE task \"{name}\"; known: {string.Join(", ", All.Select(task => task.Name))}", nameof(name));
    }

    /// <summary>File name of a split: <c>train.tsv</c> or <c>dev.tsv</c>.</summary>
    public static string FileName(GlueSplit split) => split switch
    {
        GlueSplit.Train => "train.tsv",
        GlueSplit.Dev => "dev.tsv",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, null),
    };

    public override string ToString() => Name;
}
