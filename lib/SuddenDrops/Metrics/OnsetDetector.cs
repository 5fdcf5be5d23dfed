namespace SuddenDrops.Metrics;

/// <summary>
/// Finds the sudden rise of a metric over training checkpoints, e.g. the UAS spike of Syntactic Attention
/// Structure (Chen et al. 2024): the structure onset ▲ where the rise starts and the capabilities onset ⏺
/// where it levels off. Generic: any metric (MLM accuracy, BLiMP) or, with <see cref="RiseDirection.Falling"/>,
/// a loss drop (the series is negated, analysed as a rise, and reported in its own sign).
/// <para><b>Smoothing</b> (steps s₁ &lt; … &lt; sₙ, possibly irregular; values yᵢ):</para>
/// <list type="number">
/// <item>Running median of <see cref="OnsetOptions.MedianWindow"/> (5) checkpoints, shrunk symmetrically at the ends:
/// removes isolated outliers.</item>
/// <item>Linear interpolation to a regular grid of spacing h = σ/4: checkpoints are dense early and sparse later,
/// and finite differences on an irregular grid would amplify noise unevenly.</item>
/// <item>Gaussian smoothing with standard deviation σ steps, padded by odd reflection z(−j) = 2z(0) − z(j) so that
/// a straight trend meets no kink at the ends.</item>
/// <item>Velocity vₖ = (zₖ₊₁ − zₖ₋₁)/2h, acceleration aₖ = (zₖ₊₁ − 2zₖ + zₖ₋₁)/h², searched only ⌈2σ/h⌉ + 1 grid
/// points or more from either end.</item>
/// </list>
/// <para><b>Bandwidth</b>: σ = <see cref="OnsetOptions.SmoothingBandwidth"/> when given. Otherwise two passes: the
/// first with σ₁ = 2 × the median checkpoint spacing finds the steepest rise and its flank (below); the second uses
/// σ₂ = max(2 × the median spacing of the checkpoints inside that flank, 0.07 × the flank's width): a few checkpoints
/// where the rise is, and about half the width w of a logistic rise (its flank is 7.3w wide), so that sparse
/// checkpoints around a late rise are smoothed across and dense ones around an early rise are not blurred.</para>
/// <para><b>Onsets</b>: inflection = argmax v (steepest rise); its flank = the run of grid points around it with
/// v ≥ <see cref="OnsetOptions.FlankFraction"/> (0.1) × v_max. ▲ = argmax a on the flank before the inflection,
/// ⏺ = argmin a on the flank after it, each refined by the vertex of a parabola through the extreme and its two
/// neighbours. For a logistic y = 1/(1 + e^(−(s − s₀)/w)) these are s₀ ∓ w·ln(2 + √3) ≈ s₀ ∓ 1.317w (y = 0.211,
/// 0.789); smoothing moves them outward, to about ±1.47w at σ = w/2 and ±1.78w at σ = w.</para>
/// <para><b>Significance</b> (otherwise "no onset"): with Δ = z(flank end) − z(flank start), range = max z − min z and
/// span = the searched part of the grid, all of</para>
/// <list type="bullet">
/// <item>RiseFraction = Δ / range ≥ <see cref="OnsetOptions.MinRiseFraction"/> (0.3): the rise is a sizeable part of all change;</item>
/// <item>Sharpness = (Δ / range) / (flank width / span) ≥ <see cref="OnsetOptions.MinSharpness"/> (1.4): the flank is
/// steeper than the series' average trend (a straight line has exactly 1; a logistic needs w ≲ span/15);</item>
/// <item>RiseOverNoise = Δ / σ̂ ≥ <see cref="OnsetOptions.MinRiseOverNoise"/> (4): the jump stands out from the
/// checkpoint noise σ̂ (Gasser, Sroka &amp; Jennen-Steinmetz 1986 pseudo-residuals:
/// eᵢ = (yᵢ − (wᵢyᵢ₋₁ + (1 − wᵢ)yᵢ₊₁)) / √(1 + wᵢ² + (1 − wᵢ)²), wᵢ = (sᵢ₊₁ − sᵢ)/(sᵢ₊₁ − sᵢ₋₁), σ̂ = 1.4826·median|eᵢ|;
/// unbiased for white noise, blind to linear trends, robust to the few residuals a jump makes);</item>
/// <item>optionally Δ ≥ <see cref="OnsetOptions.MinRise"/> in the series' own units (off by default; e.g. 0.05 UAS);</item>
/// <item>optionally AccelerationZ = a(▲) / sd(a(▲)) ≥ <see cref="OnsetOptions.MinAccelerationZ"/> (off by default):
/// the peak acceleration stands out from the noise of the second difference at that point. Interpolation,
/// smoothing and differencing are linear, a(▲) = Σᵢ mᵢ yᵢ, so white checkpoint noise σ̂ gives sd(a(▲)) = σ̂·‖m‖₂
/// (m found by running unit impulses through the pipeline), valid for any spacing, unlike a MAD over the whole
/// acceleration series, which mixes noisy dense stretches with smooth sparse ones. The running median, left out
/// of m, only lowers the noise, so the z is conservative. It is reported always; on the synthetic tests it ranges
/// 1.4–24 for clear logistic jumps and 0.4–2.9 for pure noise, so it gauges how well ▲ is located rather than
/// whether there is a jump.</item>
/// </list>
/// <para>Also reported: <see cref="Metrics.Breakthroughness"/> of the raw series in the analysed direction (BIG-bench).</para>
/// </summary>
public static class OnsetDetector
{
    /// <summary>The significant onset of the series, or null when it has no sudden rise.</summary>
    public static Onset? Detect(IReadOnlyList<double> steps, IReadOnlyList<double> values, OnsetOptions? options = null) =>
        Analyze(steps, values, options).Detected;

    /// <summary>Runs the whole procedure and returns every intermediate series with the candidate onset.</summary>
    public static OnsetAnalysis Analyze(IReadOnlyList<double> steps, IReadOnlyList<double> values, OnsetOptions? options = null)
    {
        options ??= new OnsetOptions();
        Validate(steps, values, options);
        var sign = options.Direction == RiseDirection.Rising ? 1.0 : -1.0;
        var oriented = values.Select(value => sign * value).ToArray();
        var filtered = RunningMedian(oriented, options.MedianWindow);
        var noise = NoiseLevel(steps, oriented);

        var bandwidth = options.SmoothingBandwidth
                        ?? options.BandwidthCheckpoints * MedianGap(steps, double.NegativeInfinity, double.PositiveInfinity);
        var pass = SmoothingPass.Run(steps, filtered, bandwidth, options);
        if (options.SmoothingBandwidth is null && pass.Flank is var (left, right))
        {
            var (from, to) = (pass.Smoother.Grid[left], pass.Smoother.Grid[right]);
            var matched = Math.Max(options.BandwidthCheckpoints * MedianGap(steps, from, to),
                options.FlankBandwidthFraction * (to - from));
            pass = SmoothingPass.Run(steps, filtered, matched, options);
        }
        var candidate = pass.Flank is not null ? Evaluate(pass, noise, sign, options) : null;
        return new OnsetAnalysis(
            pass.Smoother.Grid,
            pass.Smoothed.Select(z => sign * z).ToArray(),
            pass.Velocity.Select(v => sign * v).ToArray(),
            pass.Acceleration.Select(a => sign * a).ToArray(),
            pass.Smoother.Bandwidth,
            noise,
            Metrics.Breakthroughness.Compute(oriented),
            candidate);
    }

    private static Onset Evaluate(SmoothingPass pass, double noise, double sign, OnsetOptions options)
    {
        var (left, right) = pass.Flank!.Value;
        var (z, v, a) = (pass.Smoothed, pass.Velocity, pass.Acceleration);
        var smoother = pass.Smoother;
        int first = smoother.FirstSearched, last = smoother.LastSearched;
        var inflection = pass.Inflection;
        var structure = ArgExtreme(a, left, inflection, maximum: true);
        var capabilities = ArgExtreme(a, inflection, right, maximum: false);

        var grid = smoother.Grid;
        var h = smoother.Spacing;
        var span = grid[last] - grid[first];
        var structureStep = grid[structure] + RefineOffset(a, structure, first, last) * h;
        var capabilitiesStep = grid[capabilities] + RefineOffset(a, capabilities, first, last) * h;
        var inflectionStep = grid[inflection] + RefineOffset(v, inflection, first, last) * h;

        var searched = z[first..(last + 1)];
        var range = searched.Max() - searched.Min();
        var rise = z[right] - z[left];
        var riseFraction = range > 0 ? rise / range : 0;
        var sharpness = right > left ? riseFraction / ((grid[right] - grid[left]) / span) : 0;
        var riseOverNoise = Ratio(rise, noise);
        var accelerationZ = Ratio(a[structure], noise * smoother.AccelerationNoiseGain(structure));
        var significant = riseFraction >= options.MinRiseFraction
                          && sharpness >= options.MinSharpness
                          && riseOverNoise >= options.MinRiseOverNoise
                          && accelerationZ >= options.MinAccelerationZ
                          && rise >= options.MinRise;
        return new Onset(structureStep, inflectionStep, capabilitiesStep, sign * z[structure], sign * z[capabilities],
            grid[left], grid[right], rise, riseFraction, sharpness, riseOverNoise, accelerationZ, significant);
    }

    /// <summary>Median length of the checkpoint segments that overlap [from, to] (all segments for an unbounded interval).</summary>
    private static double MedianGap(IReadOnlyList<double> steps, double from, double to)
    {
        var start = Enumerable.Range(0, steps.Count).LastOrDefault(i => steps[i] <= from, 0);
        var end = Enumerable.Range(0, steps.Count).FirstOrDefault(i => steps[i] >= to, steps.Count - 1);
        if (end <= start) // [from, to] is one checkpoint: take the segments on both sides
            (start, end) = (Math.Max(0, start - 1), Math.Min(steps.Count - 1, end + 1));
        var gaps = Enumerable.Range(start + 1, end - start).Select(i => steps[i] - steps[i - 1]).ToArray();
        return RobustStatistics.Median(gaps);
    }

    /// <summary>signal / noise; 0 for a non-positive signal, ∞ for a positive signal without noise.</summary>
    private static double Ratio(double signal, double noise) =>
        signal <= 0 ? 0 : noise > 0 ? signal / noise : double.PositiveInfinity;

    private static void Validate(IReadOnlyList<double> steps, IReadOnlyList<double> values, OnsetOptions options)
    {
        if (steps.Count != values.Count)
            throw new ArgumentException($"{steps.Count} steps for {values.Count} values");
        if (steps.Count < 5)
            throw new ArgumentException($"Onset detection needs at least 5 checkpoints, got {steps.Count}");
        for (var i = 0; i < steps.Count; i++)
        {
            if (!double.IsFinite(steps[i]) || !double.IsFinite(values[i]))
                throw new ArgumentException($"Checkpoint {i} (step {steps[i]}) has a non-finite step or value {values[i]}");
            if (i > 0 && steps[i] <= steps[i - 1])
                throw new ArgumentException($"Steps must increase strictly; step {steps[i]} at {i} follows {steps[i - 1]}");
        }
        if (options.MedianWindow < 1 || options.MedianWindow % 2 == 0)
            throw new ArgumentException($"MedianWindow must be odd and positive, got {options.MedianWindow}");
        if (options.GridPoints is < GridSmoother.MinGridPoints or > GridSmoother.MaxGridPoints)
            throw new ArgumentException($"GridPoints must be in [{GridSmoother.MinGridPoints}, {GridSmoother.MaxGridPoints}], got {options.GridPoints}");
        if (options.SmoothingBandwidth is <= 0 || options.BandwidthCheckpoints <= 0 || options.FlankBandwidthFraction <= 0)
            throw new ArgumentException("The smoothing bandwidth must be positive");
    }

    /// <summary>Median of the window of <paramref name="window"/> points centred on each point, shrunk symmetrically at the ends.</summary>
    internal static double[] RunningMedian(double[] values, int window)
    {
        var result = new double[values.Length];
        var half = window / 2;
        for (var i = 0; i < values.Length; i++)
        {
            var reach = Math.Min(half, Math.Min(i, values.Length - 1 - i));
            result[i] = RobustStatistics.Median(values[(i - reach)..(i + reach + 1)]);
        }
        return result;
    }

    internal static (double[] Velocity, double[] Acceleration) Differences(double[] z, double h)
    {
        var velocity = new double[z.Length];
        var acceleration = new double[z.Length];
        velocity[0] = velocity[^1] = acceleration[0] = acceleration[^1] = double.NaN;
        for (var k = 1; k < z.Length - 1; k++)
        {
            velocity[k] = (z[k + 1] - z[k - 1]) / (2 * h);
            acceleration[k] = SecondDifference(z, k, h);
        }
        return (velocity, acceleration);
    }

    internal static double SecondDifference(double[] z, int k, double h) => (z[k + 1] - 2 * z[k] + z[k - 1]) / (h * h);

    /// <summary>Index of the largest (or smallest) value in [from, to]; the first one on ties.</summary>
    internal static int ArgExtreme(double[] values, int from, int to, bool maximum)
    {
        var best = from;
        for (var k = from + 1; k <= to; k++)
            if (maximum ? values[k] > values[best] : values[k] < values[best])
                best = k;
        return best;
    }

    /// <summary>Vertex offset (in grid cells, within ±½) of the parabola through the extreme and its two neighbours.</summary>
    private static double RefineOffset(double[] values, int k, int first, int last)
    {
        if (k - 1 < first || k + 1 > last)
            return 0;
        var curvature = values[k - 1] - 2 * values[k] + values[k + 1];
        return curvature == 0 ? 0 : Math.Clamp(0.5 * (values[k - 1] - values[k + 1]) / curvature, -0.5, 0.5);
    }

    /// <summary>Gasser et al. (1986) pseudo-residual noise scale of the raw checkpoints (robust: 1.4826·median|e|).</summary>
    internal static double NoiseLevel(IReadOnlyList<double> steps, double[] values)
    {
        var residuals = new double[values.Length - 2];
        for (var i = 1; i < values.Length - 1; i++)
        {
            var w = (steps[i + 1] - steps[i]) / (steps[i + 1] - steps[i - 1]);
            var predicted = w * values[i - 1] + (1 - w) * values[i + 1];
            residuals[i - 1] = Math.Abs(values[i] - predicted) / Math.Sqrt(1 + w * w + (1 - w) * (1 - w));
        }
        return RobustStatistics.MadToSigma * RobustStatistics.Median(residuals);
    }
}
