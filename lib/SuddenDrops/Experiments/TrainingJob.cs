using SuddenDrops.Data;
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

    private TrainingJob(TrainingConfig config, RunFolder run, DataRootResolution dataRoot, PreparedCorpus prepared)
    {
        Config = config;
        Run = run;
        DataRoot = dataRoot;
        Prepared = prepared;
    }

    /// <summary>Resolves data and prepares the corpus; the model's vocabulary size is set from the prepared vocabulary.</summary>
    public static TrainingJob Prepare(TrainingConfig config, string runDirectory, string? dataRoot = null, string? cacheDirectory = null, Action<string>? log = null)
    {
        var root = Data.DataRoot.Resolve(dataRoot);
        log?.Invoke($"Data root: {root.Path} ({root.Source})");
        var prepared = CorpusPreparation.Prepare(config.Corpus, root.Path, cacheDirectory, log);
        log?.Invoke($"Corpus: {prepared.Corpus.Train.Length:N0} training pieces, {prepared.Corpus.HeldOut.Length:N0} held out; vocabulary {prepared.Vocabulary.Count:N0} pieces.");
        var final = config with { Model = config.Model with { VocabSize = prepared.Vocabulary.Count } };
        var run = new RunFolder(runDirectory);
        prepared.Vocabulary.Save(run.VocabPath);
        return new TrainingJob(final.Validate(), run, root, prepared);
    }

    /// <summary>Creates the trainer; subscribe to its events, then call <see cref="Trainer.Run"/>.</summary>
    public Trainer CreateTrainer(IReadOnlyList<ICheckpointProbe>? probes = null) =>
        new(Config, Prepared.Corpus, Prepared.Specials, Run, probes);

    /// <summary>Default run folder: runs/&lt;preset&gt;-s&lt;seed&gt; under the project root (or the current folder).</summary>
    public static string DefaultRunDirectory(TrainingConfig config) =>
        Path.Combine(ProjectRoot.Find() ?? Environment.CurrentDirectory, "runs", $"{config.Preset}-s{config.Seed}");
}
