namespace SuddenDrops.Metrics;

/// <summary>Settings of <see cref="OnsetDetector"/>; the defaults are those its tests were written against.</summary>
public sealed record OnsetOptions
{
    /// <summary>
    /// The project's rule for a UAS onset verdict: the smoothed UAS rise across the flank must be at least 0.05 (README,
    /// "Early stop"); a cleaner but smaller wobble is no onset. Figures mark ▲ and ⏺ only under this rule
    /// (<see cref="MinRise"/> = this value).
    /// </summary>
    public const double UasVerdictMinRise = 0.05;

    /// <summary>The options every UAS verdict, table and figure mark uses: the defaults with <see cref="MinRise"/> = <see cref="UasVerdictMinRise"/>.</summary>
    public static OnsetOptions UasVerdict { get; } = new() { MinRise = UasVerdictMinRise };

    /// <summary>Look for a sudden rise (default) or a sudden drop.</summary>
    public RiseDirection Direction { get; init; } = RiseDirection.Rising;

    /// <summary>Running-median window in checkpoints (odd; 1 turns it off). Removes isolated outliers.</summary>
    public int MedianWindow { get; init; } = 5;

    /// <summary>
    /// Standard deviation of the Gaussian smoothing, in steps, used as given (one pass). Null (default): a first pass
    /// with <see cref="BandwidthCheckpoints"/> × the median checkpoint spacing finds the steepest rise and its flank;
    /// the second pass uses the larger of <see cref="BandwidthCheckpoints"/> × the median spacing of the checkpoints in
    /// that flank and <see cref="FlankBandwidthFraction"/> × its width: a few checkpoints where the rise is, and no
    /// less than the rise's own scale.
    /// </summary>
    public double? SmoothingBandwidth { get; init; }

    /// <summary>Bandwidth in median checkpoint spacings ("a few points").</summary>
    public double BandwidthCheckpoints { get; init; } = 2;

    /// <summary>
    /// Lower bound of the second-pass bandwidth as a fraction of the first pass's flank width:
    /// 0.07 gives σ ≈ w/2 for a logistic of width w, whose 10%-of-peak-velocity flank is 7.3w wide.
    /// </summary>
    public double FlankBandwidthFraction { get; init; } = 0.07;

    /// <summary>Points of the regular step grid; null: 4 per bandwidth over the span (at least 64, at most 16,384).</summary>
    public int? GridPoints { get; init; }

    /// <summary>The rising flank around the steepest rise extends while the velocity is at least this fraction of its peak.</summary>
    public double FlankFraction { get; init; } = 0.1;

    /// <summary>Significance: the rise across the flank must be at least this fraction of the smoothed series' range.</summary>
    public double MinRiseFraction { get; init; } = 0.3;

    /// <summary>Significance: the flank must rise at least this many times more steeply than the series on average (range/span).</summary>
    public double MinSharpness { get; init; } = 1.4;

    /// <summary>Significance: the rise must be at least this many times the checkpoint noise level.</summary>
    public double MinRiseOverNoise { get; init; } = 4;

    /// <summary>
    /// Optional significance test: the acceleration at ▲ must be at least this many of its own noise standard
    /// deviations. Off (0) by default: it measures how precisely ▲ is located rather than whether there is a jump
    /// (see <see cref="OnsetDetector"/>); raise it (e.g. to 3) to demand a well-located ▲.
    /// </summary>
    public double MinAccelerationZ { get; init; }

    /// <summary>
    /// Optional significance test in the series' own units: the smoothed rise across the flank must be at least this much
    /// (e.g. 0.05 for UAS: a "jump" of less is no onset, however clean). Off (0) by default.
    /// </summary>
    public double MinRise { get; init; }
}
