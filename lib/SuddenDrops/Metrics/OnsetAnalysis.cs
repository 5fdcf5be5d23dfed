namespace SuddenDrops.Metrics;

/// <summary>
/// Everything <see cref="OnsetDetector.Analyze"/> computed, for plots and diagnosis. Grid arrays are in the
/// metric's own sign and units: value, d/dstep and d²/dstep² of the smoothed series.
/// </summary>
/// <param name="GridSteps">The regular step grid.</param>
/// <param name="Smoothed">Median-filtered, interpolated, Gaussian-smoothed metric on the grid.</param>
/// <param name="Velocity">Central first difference of <paramref name="Smoothed"/> (per step); NaN at the two ends.</param>
/// <param name="Acceleration">Central second difference (per step²); NaN at the two ends.</param>
/// <param name="Bandwidth">σ of the Gaussian smoothing actually used, in steps (after the matched second pass).</param>
/// <param name="NoiseLevel">Checkpoint noise σ̂ (Gasser et al. 1986 pseudo-residuals, robust scale).</param>
/// <param name="Breakthroughness">BIG-bench breakthroughness of the raw series in the analysed direction.</param>
/// <param name="Candidate">The steepest rise and its onsets, significant or not; null when the series never rises.</param>
public sealed record OnsetAnalysis(
    double[] GridSteps,
    double[] Smoothed,
    double[] Velocity,
    double[] Acceleration,
    double Bandwidth,
    double NoiseLevel,
    double Breakthroughness,
    Onset? Candidate)
{
    /// <summary>The onset when it is significant; null means "no onset".</summary>
    public Onset? Detected => Candidate is { IsSignificant: true } ? Candidate : null;
}
