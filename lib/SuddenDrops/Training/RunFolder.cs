namespace SuddenDrops.Training;

/// <summary>
/// The self-describing folder of one run:
/// <code>
/// config.json      the TrainingConfig (immutable record)
/// run.json         RunFacts: seed, git commit, device, start time, package versions, resumes
/// vocab.txt        the vocabulary the model uses (pruned or full)
/// metrics.csv      one row per checkpoint: held-out MLM loss/accuracy, UAS, BLiMP, TwoNN, …
/// train_log.csv    one row every LogEvery steps: training loss, learning rate, tokens/s
/// checkpoints/step-NNNNNNN/  model.bin (+ optimizer.bin in the latest), state.json
/// </code>
/// </summary>
public sealed class RunFolder
{
    public string Root { get; }

    public RunFolder(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(CheckpointsDir);
    }

    public string ConfigPath => Path.Combine(Root, "config.json");
    public string FactsPath => Path.Combine(Root, "run.json");
    public string VocabPath => Path.Combine(Root, "vocab.txt");
    public string MetricsPath => Path.Combine(Root, "metrics.csv");
    public string TrainLogPath => Path.Combine(Root, "train_log.csv");
    public string CheckpointsDir => Path.Combine(Root, "checkpoints");

    /// <summary>One line per run resumed after a libtorch error (<see cref="Trainer.RunRecovering"/>); absent when none.</summary>
    public string RecoveriesPath => Path.Combine(Root, "recoveries.log");

    public bool HasConfig => File.Exists(ConfigPath);

    public TrainingConfig LoadConfig() => JsonFiles.Load<TrainingConfig>(ConfigPath);
}
