using System.Globalization;

namespace SuddenDrops.Training;

/// <summary>
/// The self-describing folder of one run, and the one place its layout is spelled:
/// <code>
/// config.json      the TrainingConfig (immutable record)
/// run.json         RunFacts: seed, git commit, device, start time, package versions, resumes
/// vocab.txt        the vocabulary the model uses (pruned or full)
/// metrics.csv      one row per checkpoint: held-out MLM loss/accuracy, UAS, BLiMP, TwoNN, … (<see cref="MetricColumns"/>)
/// train_log.csv    one row every LogEvery steps: training loss, learning rate, tokens/s (<see cref="MetricColumns"/>)
/// recoveries.log   one line per run resumed after a libtorch error (absent when none)
/// checkpoints/step-NNNNNNN/  model.bin (+ optimizer.bin in the latest), state.json (<see cref="CheckpointStore"/>)
/// curves/          probes of the checkpoints measured after training (<c>sdrops curves</c>; Experiments.CurveFiles)
/// evals/&lt;kind&gt;-step-NNNNNNN.json   evaluation reports of one checkpoint (<c>sdrops blimp</c>, <c>twonn</c>, <c>glue</c>)
/// uas-step-N-&lt;treebank&gt;.json       the report of <c>sdrops uas</c>
/// </code>
/// Constructing one reads and creates nothing, so readers use it freely; a writer calls <see cref="Create"/> (or
/// <see cref="EnsureCreated"/>) before writing into it.
/// </summary>
public sealed class RunFolder
{
    public const string ConfigFile = "config.json";
    public const string FactsFile = "run.json";
    public const string VocabFile = "vocab.txt";
    public const string MetricsFile = "metrics.csv";
    public const string TrainLogFile = "train_log.csv";
    public const string RecoveriesFile = "recoveries.log";
    public const string CheckpointsFolder = "checkpoints";
    public const string CurvesFolder = "curves";
    public const string EvalsFolder = "evals";

    /// <summary>The kinds of report kept in <c>evals/</c> (<see cref="EvalPath"/>).</summary>
    public const string BlimpEval = "blimp";
    public const string TwoNNEval = "twonn";
    public const string GlueEval = "glue";

    /// <summary>The files that say what a run did (everything but checkpoints and vocabulary, both reproducible from the config).</summary>
    public static IReadOnlyList<string> RecordFiles { get; } = [ConfigFile, FactsFile, MetricsFile, TrainLogFile];

    /// <summary>The folders of reports measured on the checkpoints (small CSV and JSON files).</summary>
    public static IReadOnlyList<string> ReportFolders { get; } = [CurvesFolder, EvalsFolder];

    public string Root { get; }

    /// <summary>The run folder at <paramref name="root"/>, which need not exist; nothing is created.</summary>
    public RunFolder(string root) => Root = Path.GetFullPath(root);

    /// <summary>The run folder at <paramref name="root"/>, created with its <c>checkpoints/</c> folder for a writer.</summary>
    public static RunFolder Create(string root) => new RunFolder(root).EnsureCreated();

    /// <summary>Creates the folder and its <c>checkpoints/</c> folder when missing; returns this folder.</summary>
    public RunFolder EnsureCreated()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(CheckpointsDir);
        return this;
    }

    /// <summary>Whether <paramref name="folder"/> is a run folder: one with a <c>metrics.csv</c>.</summary>
    public static bool IsRun(string folder) => File.Exists(Path.Combine(folder, MetricsFile));

    /// <summary>
    /// The run folder a checkpoint belongs to: <paramref name="checkpoint"/> is a <c>checkpoints/step-N</c> folder or a file
    /// in it (e.g. its <c>model.bin</c>).
    /// </summary>
    public static RunFolder OfCheckpoint(string checkpoint)
    {
        var full = Path.GetFullPath(checkpoint).TrimEnd(Path.DirectorySeparatorChar);
        var stepFolder = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        var checkpoints = Path.GetDirectoryName(stepFolder)
            ?? throw new ArgumentException($"{checkpoint} is not inside a run's {CheckpointsFolder}/ folder.", nameof(checkpoint));
        return new RunFolder(Path.GetDirectoryName(checkpoints)
            ?? throw new ArgumentException($"{checkpoint} is not inside a run's {CheckpointsFolder}/ folder.", nameof(checkpoint)));
    }

    public string ConfigPath => Path.Combine(Root, ConfigFile);
    public string FactsPath => Path.Combine(Root, FactsFile);
    public string VocabPath => Path.Combine(Root, VocabFile);
    public string MetricsPath => Path.Combine(Root, MetricsFile);
    public string TrainLogPath => Path.Combine(Root, TrainLogFile);
    public string CheckpointsDir => Path.Combine(Root, CheckpointsFolder);

    /// <summary>Where <c>sdrops curves</c> writes by default (Experiments.CurveFiles names its files).</summary>
    public string CurvesDir => Path.Combine(Root, CurvesFolder);

    /// <summary>The evaluation reports of single checkpoints (<see cref="EvalPath"/>).</summary>
    public string EvalsDir => Path.Combine(Root, EvalsFolder);

    /// <summary>One line per run resumed after a libtorch error (<see cref="Trainer.RunRecovering"/>); absent when none.</summary>
    public string RecoveriesPath => Path.Combine(Root, RecoveriesFile);

    /// <summary>The checkpoints of the run.</summary>
    public CheckpointStore Checkpoints => new(CheckpointsDir);

    /// <summary>The <paramref name="kind"/> report (<see cref="BlimpEval"/>, …) of the checkpoint at <paramref name="step"/>: <c>evals/&lt;kind&gt;-step-NNNNNNN.json</c>.</summary>
    public string EvalPath(string kind, long step) =>
        Path.Combine(EvalsDir, $"{kind}-step-{step.ToString("D7", CultureInfo.InvariantCulture)}.json");

    /// <summary>The default report of <c>sdrops uas</c> on <paramref name="treebank"/> at <paramref name="step"/>: <c>uas-step-N-&lt;treebank name&gt;.json</c>.</summary>
    public string UasReportPath(long step, string treebank) =>
        Path.Combine(Root, $"uas-step-{step.ToString(CultureInfo.InvariantCulture)}-{Path.GetFileNameWithoutExtension(treebank)}.json");

    public bool HasConfig => File.Exists(ConfigPath);

    /// <summary>Whether the run has written its checkpoint table (see <see cref="IsRun"/>).</summary>
    public bool HasMetrics => File.Exists(MetricsPath);

    /// <summary>The last step of the checkpoint table (0 when it is empty or missing): how far the run's record reaches,
    /// whether or not its checkpoints are still there.</summary>
    public long LastLoggedStep() =>
        HasMetrics ? (long)new MetricsLog(MetricsPath).Numbers(MetricColumns.Step).Where(s => !double.IsNaN(s)).DefaultIfEmpty(0).Max() : 0;

    public TrainingConfig LoadConfig() => JsonFiles.Load<TrainingConfig>(ConfigPath);

    /// <summary>The run's configuration, or null when it has no <c>config.json</c>.</summary>
    public TrainingConfig? TryLoadConfig() => HasConfig ? LoadConfig() : null;
}
