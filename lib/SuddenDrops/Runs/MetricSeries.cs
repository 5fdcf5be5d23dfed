namespace SuddenDrops.Runs;

/// <summary>
/// One metric of a run against training step: only the checkpoints where it was measured (finite values),
/// in step order.
/// </summary>
/// <param name="Column">The <c>metrics.csv</c> column it came from.</param>
/// <param name="Steps">Checkpoint steps, strictly increasing.</param>
/// <param name="Values">The metric at each step.</param>
public sealed record MetricSeries(string Column, double[] Steps, double[] Values)
{
    /// <summary>Checkpoints with a value.</summary>
    public int Count => Steps.Length;

    /// <summary>True when the metric was never measured.</summary>
    public bool IsEmpty => Steps.Length == 0;

    /// <summary>The value at the last checkpoint, or null when there is none.</summary>
    public double? Last => IsEmpty ? null : Values[^1];

    /// <summary>The value at the first checkpoint, or null when there is none.</summary>
    public double? First => IsEmpty ? null : Values[0];

    /// <summary>
    /// The metric at <paramref name="step"/>, linearly interpolated between the two checkpoints around it;
    /// null outside the measured range.
    /// </summary>
    public double? At(double step)
    {
        if (IsEmpty || step < Steps[0] || step > Steps[^1]) return null;
        var right = Array.BinarySearch(Steps, step);
        if (right >= 0) return Values[right];
        right = ~right;
        var left = right - 1;
        var weight = (step - Steps[left]) / (Steps[right] - Steps[left]);
        return Values[left] + weight * (Values[right] - Values[left]);
    }

    /// <summary>The checkpoints from <paramref name="step"/> on.</summary>
    public MetricSeries From(double step) => Where(s => s >= step);

    /// <summary>The checkpoints up to <paramref name="step"/>, inclusive.</summary>
    public MetricSeries Until(double step) => Where(s => s <= step);

    private MetricSeries Where(Func<double, bool> keepStep)
    {
        var kept = Enumerable.Range(0, Count).Where(i => keepStep(Steps[i])).ToArray();
        return this with { Steps = [.. kept.Select(i => Steps[i])], Values = [.. kept.Select(i => Values[i])] };
    }

    /// <summary>Builds a series from parallel columns, dropping rows where either value is missing and keeping the first of repeated steps.</summary>
    public static MetricSeries FromColumns(string column, IReadOnlyList<double> steps, IReadOnlyList<double> values)
    {
        if (steps.Count != values.Count)
            throw new ArgumentException($"{column}: {steps.Count} steps for {values.Count} values.");
        var kept = new SortedDictionary<double, double>();
        for (var i = 0; i < steps.Count; i++)
            if (double.IsFinite(steps[i]) && double.IsFinite(values[i]))
                kept.TryAdd(steps[i], values[i]);
        return new MetricSeries(column, [.. kept.Keys], [.. kept.Values]);
    }
}
