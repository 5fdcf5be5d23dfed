namespace SuddenDrops.Experiments;

/// <summary>One GLUE task fine-tuned and scored on its dev set.</summary>
/// <param name="Task">GLUE name, e.g. "CoLA".</param>
/// <param name="TrainAvailable">Examples in train.tsv.</param>
/// <param name="TrainUsed">Examples fine-tuned on (a seeded random subset when <see cref="GlueFineTuningConfig.MaxTrain"/> is set).</param>
/// <param name="DevExamples">Examples in dev.tsv, all scored.</param>
/// <param name="MaxPieces">Piece limit used.</param>
/// <param name="TruncatedTrain">Training inputs that had to be cut to the limit.</param>
/// <param name="TruncatedDev">Dev inputs that had to be cut.</param>
/// <param name="Epochs">Passes over the training examples.</param>
/// <param name="Steps">Optimiser updates.</param>
/// <param name="EpochLosses">Mean training loss of each epoch.</param>
/// <param name="Metrics">The task's GLUE metrics on dev (camelCase names: matthewsCorrelation, accuracy, f1, pearson, spearman).</param>
/// <param name="Score">The mean of <paramref name="Metrics"/>: the task's number in the GLUE average.</param>
/// <param name="MajorityBaseline">Score of always predicting the most frequent training class (the mean training value for STS-B).</param>
/// <param name="Seconds">Wall time of fine-tuning and scoring.</param>
public sealed record GlueTaskResult(
    string Task,
    int TrainAvailable,
    int TrainUsed,
    int DevExamples,
    int MaxPieces,
    int TruncatedTrain,
    int TruncatedDev,
    int Epochs,
    int Steps,
    IReadOnlyList<double> EpochLosses,
    IReadOnlyDictionary<string, double> Metrics,
    double Score,
    double MajorityBaseline,
    double Seconds);
