namespace SuddenDrops.Metrics;

/// <summary>A TwoNN intrinsic-dimension estimate.</summary>
/// <param name="Dimension">The estimated intrinsic dimension (slope of the fit).</param>
/// <param name="PointsUsed">Points whose ratio μ = r₂/r₁ entered the empirical distribution (N).</param>
/// <param name="PointsDropped">Input points left out: exact duplicates of an earlier point, zero vectors
/// (cosine), and points whose nearest neighbour is at distance 0 (or, for cosine, below 1e-9 rad).</param>
/// <param name="PointsFitted">The smallest ⌊(1 − discard)·N⌋ ratios used in the least-squares fit.</param>
public sealed record TwoNNResult(double Dimension, int PointsUsed, int PointsDropped, int PointsFitted);
