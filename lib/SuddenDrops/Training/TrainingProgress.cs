namespace SuddenDrops.Training;

/// <summary>A progress report, sent every LogEvery steps and at each checkpoint.</summary>
public sealed record TrainingProgress(
    long Step,
    long TotalSteps,
    double TrainLoss,
    double LearningRate,
    double TokensPerSecond,
    TimeSpan Elapsed,
    TimeSpan? Remaining,
    MlmEvaluation? LastEvaluation,
    RegularizerSummary? Regularizer = null);
