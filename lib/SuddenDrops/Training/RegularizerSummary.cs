namespace SuddenDrops.Training;

/// <summary>The regulariser over one log window of <c>train_log.csv</c> (columns lambda, reg, reg_per_edge, reg_loss).</summary>
/// <param name="Lambda">Signed λ at the window's last step.</param>
/// <param name="Value">Mean R over the steps where it was computed (every step while λ ≠ 0, the last step of the window otherwise); NaN if none.</param>
/// <param name="PerEdge">R / (2E): the mean over directed gold edges of the max attention along them, in [0, 1].</param>
/// <param name="WeightedLoss">Mean λ·R over all steps of the window: the regulariser's share of the loss, beside the MLM loss.</param>
public sealed record RegularizerSummary(double Lambda, double Value, double PerEdge, double WeightedLoss);
