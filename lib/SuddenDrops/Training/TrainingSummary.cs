namespace SuddenDrops.Training;

/// <summary>How a call to <see cref="Trainer.Run"/> ended.</summary>
public sealed record TrainingSummary(
    string RunFolder,
    long StartStep,
    long EndStep,
    bool Completed,
    double UnigramLoss,
    MlmEvaluation? FinalEvaluation,
    double TokensPerSecond,
    TimeSpan Elapsed);
