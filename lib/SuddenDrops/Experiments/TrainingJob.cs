using SuddenDrops.Data;
using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// One training run from a configuration to a finished run folder: resolves the data, prepares the vocabulary
/// and corpus, writes the vocabulary into the run folder, attaches the checkpoint probes and runs the trainer.
/// Used by <c>sdrops train</c>, the sweeps and the notebooks' live mode.
/// </summary>
public sealed class TrainingJob
{
    public TrainingConfig Config { get; private set; }
    public RunFolder Run { get; }
    public DataRootResolution DataRoot { get; }
    public PreparedCorpus Prepared { get; }

    /// <summary>The treebank sentences of the regulariser's labelled rows (null without a regulariser).</summary>
    public LabeledSentences? Labeled { get; }

    private TrainingJob(TrainingConfig config, RunFolder run, DataRootResolution dataRoot, PreparedCorpus prepared, LabeledSentences? labeled)
    {
        Config = config;
        Run = run;
        DataRoot = dataRoot;
        Prepared = prepared;
        Labeled = labeled;
    }

    /// <summary>Resolves data and prepares the corpus; the model's vocabulary size is set from the prepared vocabulary.</summary>
    public static TrainingJob Prepare(TrainingConfig config, string runDirectory, string? dataRoot = null, string? cacheDirectory = null, Action<string>? log = null)
    {
        var root = Data.DataRoot.Resolve(dataRoot);
        log?.Invoke($"Data root: {root.Path} ({root.Source})");
        var prepared = CorpusPreparation.Prepare(config.Corpus, root.Path, cacheDirectory, log);
        log?.Invoke($"Corpus: {prepared.Corpus.Train.Length:N0} training pieces, {prepared.Corpus.HeldOut.Length:N0} held out; vocabulary {prepared.Vocabulary.Count:N0} pieces.");
        var final = config with
        {
            Model = config.Model with { VocabSize = prepared.Vocabulary.Count },
            Corpus = config.Corpus with { ParsedKey = prepared.ParsedKey },
        };
        var run = RunFolder.Create(runDirectory);
        prepared.Vocabulary.Save(run.VocabPath);
        var labeled = final.Regularizer is { Edges: EdgeSource.LabeledRows } regularizer ? LoadLabeled(regularizer, root.Path, prepared, final.SequenceLength, log) : null;
        return new TrainingJob(final.Validate(), run, root, prepared, labeled);
    }

    /// <summary>
    /// The treebank's sentences, then those of the silver treebanks in their order, aligned with the run's vocabulary, each at
    /// most one sequence long. A log line names every file and how many sentences it gave.
    /// </summary>
    public static LabeledSentences LoadLabeled(RegularizerConfig regularizer, string dataRoot, PreparedCorpus prepared, int sequenceLength, Action<string>? log = null)
    {
        var treebank = regularizer.Treebank ?? throw new ArgumentException($"The regulariser ({regularizer.Variant}) takes labelled rows but names no treebank.");
        var path = Path.Combine(dataRoot, treebank);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The regulariser ({regularizer.Variant}) needs its treebank at {path}, which does not exist.");
        var silver = (regularizer.SilverTreebanks ?? []).Select(file => (File: file, Path: Path.Combine(dataRoot, file))).ToList();
        if (silver.FirstOrDefault(s => !File.Exists(s.Path)) is { File: not null } missing)
            throw new FileNotFoundException($"The regulariser's silver treebank {missing.Path} does not exist.");
        var counts = new SortedDictionary<int, (string File, int Sentences)>();
        var sources = Counted(ConlluReader.Read(path), 0, treebank, counts);
        for (var k = 0; k < silver.Count; k++)
            sources = sources.Concat(Counted(ConlluReader.Read(silver[k].Path), k + 1, silver[k].File, counts));
        var labeled = LabeledSentences.FromTreebank(sources, new WordPieceEncoder(prepared.Vocabulary), sequenceLength);
        log?.Invoke($"Regulariser {regularizer.Variant}, |λ| {regularizer.Magnitude}: {labeled.Count:N0} labelled sentences from {regularizer.Treebank} " +
                    $"({labeled.Skipped:N0} longer than {sequenceLength} pieces skipped), {regularizer.LabeledShare:P0} of each batch.");
        if (silver.Count > 0)
            log?.Invoke("Labelled sentences read per file: " + string.Join(", ", counts.Values.Select((c, k) => $"{c.File} {c.Sentences:N0} ({(k == 0 ? "gold" : "silver")})")) + ".");
        return labeled;
    }

    private static IEnumerable<DependencySentence> Counted(IEnumerable<DependencySentence> sentences, int order, string file, SortedDictionary<int, (string, int)> counts)
    {
        var n = 0;
        foreach (var sentence in sentences)
        {
            counts[order] = (file, ++n);
            yield return sentence;
        }
        counts[order] = (file, n);
    }

    /// <summary>Creates the trainer; subscribe to its events, then call <see cref="Trainer.Run"/>.</summary>
    public Trainer CreateTrainer(IReadOnlyList<ICheckpointProbe>? probes = null) =>
        new(Config, Prepared.Corpus, Prepared.Specials, Run, probes, Labeled);

    /// <summary>Default run folder: runs/&lt;preset&gt;-s&lt;seed&gt; under the project root (or the current folder).</summary>
    public static string DefaultRunDirectory(TrainingConfig config) =>
        Path.Combine(ProjectRoot.Find() ?? Environment.CurrentDirectory, "runs", $"{config.Preset}-s{config.Seed}");
}
