namespace SuddenDrops.Metrics;

/// <summary>
/// BIG-bench "breakthroughness" (Srivastava et al. 2022, "Beyond the Imitation Game", Appendix B): how much a
/// score improves over a series compared with how rough the typical step of the series is.
/// For values y₁..yₙ (in order of scale, here of training step):
/// <code>
/// I(y) = sign(argmaxᵢ yᵢ − argminᵢ yᵢ) · (maxᵢ yᵢ − minᵢ yᵢ)      overall improvement, negative when the max comes first
/// R(y) = √ median over i of (yᵢ₊₁ − yᵢ)²                          roughness: root-median-square consecutive change
/// B(y) = I(y) / R(y)
/// </code>
/// A series that improves in one jump and is otherwise flat has a small median change and a large B; one that
/// improves in equal small steps has B ≈ n − 1. The x values do not enter (BIG-bench uses the model scales only
/// to order the points), so B depends on how densely the series is sampled: compare B only between series
/// taken at the same checkpoints. When R = 0, B is 0 for a constant series and ±∞ otherwise.
/// </summary>
public static class Breakthroughness
{
    /// <summary>B(y) = I(y) / R(y) as defined on the type.</summary>
    public static double Compute(IReadOnlyList<double> values)
    {
        var improvement = Improvement(values);
        var roughness = Roughness(values);
        if (roughness == 0)
            return improvement == 0 ? 0 : improvement * double.PositiveInfinity;
        return improvement / roughness;
    }

    /// <summary>I(y) = sign(argmax − argmin) · (max − min); the first occurrence counts for ties.</summary>
    public static double Improvement(IReadOnlyList<double> values)
    {
        Check(values);
        int argMax = 0, argMin = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[argMax]) argMax = i;
            if (values[i] < values[argMin]) argMin = i;
        }
        return Math.Sign(argMax - argMin) * (values[argMax] - values[argMin]);
    }

    /// <summary>R(y) = √(median of the squared consecutive differences).</summary>
    public static double Roughness(IReadOnlyList<double> values)
    {
        Check(values);
        var squares = new double[values.Count - 1];
        for (var i = 0; i < squares.Length; i++)
            squares[i] = Math.Pow(values[i + 1] - values[i], 2);
        return Math.Sqrt(RobustStatistics.Median(squares));
    }

    private static void Check(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
            throw new ArgumentException("Breakthroughness needs at least two values");
        if (values.Any(value => !double.IsFinite(value)))
            throw new ArgumentException("Breakthroughness needs finite values");
    }
}
