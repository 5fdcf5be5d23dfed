namespace SuddenDrops.Metrics;

/// <summary>
/// One smoothing of the (median-filtered, oriented) series at one bandwidth, with its velocity, acceleration,
/// steepest rise and the flank around it (see <see cref="OnsetDetector"/>).
/// </summary>
internal sealed record SmoothingPass(
    GridSmoother Smoother,
    double[] Smoothed,
    double[] Velocity,
    double[] Acceleration,
    int Inflection,
    (int Left, int Right)? Flank)
{
    /// <summary>
    /// Smooths <paramref name="values"/> with σ = <paramref name="bandwidth"/> steps and finds the steepest rise
    /// (argmax velocity) and its flank, the grid points around it with v ≥ FlankFraction · v_max;
    /// no flank when the series never rises or is too short for the bandwidth.
    /// </summary>
    public static SmoothingPass Run(IReadOnlyList<double> steps, double[] values, double bandwidth, OnsetOptions options)
    {
        var smoother = new GridSmoother(steps, bandwidth, options.GridPoints);
        var smoothed = smoother.Smooth(values);
        var (velocity, acceleration) = OnsetDetector.Differences(smoothed, smoother.Spacing);
        int first = smoother.FirstSearched, last = smoother.LastSearched;
        if (first >= last)
            return new SmoothingPass(smoother, smoothed, velocity, acceleration, -1, null);
        var inflection = OnsetDetector.ArgExtreme(velocity, first, last, maximum: true);
        var peak = velocity[inflection];
        if (!(peak > 0))
            return new SmoothingPass(smoother, smoothed, velocity, acceleration, inflection, null);
        int left = inflection, right = inflection;
        while (left - 1 >= first && velocity[left - 1] >= options.FlankFraction * peak) left--;
        while (right + 1 <= last && velocity[right + 1] >= options.FlankFraction * peak) right++;
        return new SmoothingPass(smoother, smoothed, velocity, acceleration, inflection, (left, right));
    }
}
