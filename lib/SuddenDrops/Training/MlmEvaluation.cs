namespace SuddenDrops.Training;

/// <summary>Held-out masked-LM loss (mean cross-entropy in nats per target) and masked-token accuracy.</summary>
public sealed record MlmEvaluation(double Loss, double Accuracy, long Targets);
