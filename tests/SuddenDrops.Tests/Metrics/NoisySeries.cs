namespace SuddenDrops.Tests.Metrics;

/// <summary>Synthetic metric curves over checkpoint schedules, with seeded Gaussian noise.</summary>
internal static class NoisySeries
{
    /// <summary>
    /// A schedule dense early and sparse later, like a training run's checkpoints:
    /// every 50 steps to 5,000, every 250 to 20,000, every 1,000 to 60,000 (200 checkpoints).
    /// </summary>
    public static double[] IrregularSteps()
    {
        var steps = new List<double>();
        for (var s = 0; s < 5000; s += 50) steps.Add(s);
        for (var s = 5000; s < 20000; s += 250) steps.Add(s);
        for (var s = 20000; s <= 60000; s += 1000) steps.Add(s);
        return steps.ToArray();
    }

    public static double[] RegularSteps(int count, double spacing) =>
        Enumerable.Range(0, count).Select(i => i * spacing).ToArray();

    /// <summary>base + height / (1 + exp(−(s − center)/width)) + N(0, noise²).</summary>
    public static double[] Logistic(double[] steps, double center, double width, double baseLevel, double height,
        double noise, int seed)
    {
        var random = new Random(seed);
        return steps.Select(s => baseLevel + height / (1 + Math.Exp(-(s - center) / width)) + noise * Gaussian(random)).ToArray();
    }

    /// <summary>intercept + slope·s + N(0, noise²).</summary>
    public static double[] Linear(double[] steps, double intercept, double slope, double noise, int seed)
    {
        var random = new Random(seed);
        return steps.Select(s => intercept + slope * s + noise * Gaussian(random)).ToArray();
    }

    /// <summary>Standard normal draw (Box–Muller).</summary>
    public static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
