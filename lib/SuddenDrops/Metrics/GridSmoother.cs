namespace SuddenDrops.Metrics;

/// <summary>
/// The linear part of <see cref="OnsetDetector"/>: piecewise-linear interpolation of checkpoint values to a regular
/// step grid of spacing h = σ/4, then Gaussian smoothing with standard deviation σ steps, padded by odd reflection
/// z(−j) = 2z(0) − z(j) at both ends so that a straight trend meets no kink; also the noise gain of the
/// acceleration through both.
/// </summary>
internal sealed class GridSmoother
{
    public const int MinGridPoints = 64;
    public const int MaxGridPoints = 16384;
    private const int GridPointsPerBandwidth = 4;

    private readonly IReadOnlyList<double> _steps;
    private readonly double[] _kernel; // normalised Gaussian weights for offsets −R..R

    public GridSmoother(IReadOnlyList<double> steps, double bandwidth, int? gridPoints)
    {
        _steps = steps;
        Bandwidth = bandwidth;
        var span = steps[^1] - steps[0];
        var points = gridPoints
                     ?? (int)Math.Clamp(Math.Ceiling(GridPointsPerBandwidth * span / bandwidth) + 1, MinGridPoints, MaxGridPoints);
        Spacing = span / (points - 1);
        Grid = Enumerable.Range(0, points).Select(k => steps[0] + k * Spacing).ToArray();
        Grid[^1] = steps[^1];
        var sigmaCells = bandwidth / Spacing;
        _kernel = Kernel(sigmaCells);
        var margin = (int)Math.Ceiling(2 * sigmaCells) + 1;
        FirstSearched = margin;
        LastSearched = points - 1 - margin;
    }

    public double[] Grid { get; }

    public double Spacing { get; }

    /// <summary>σ in steps.</summary>
    public double Bandwidth { get; }

    /// <summary>First grid point at least 2σ + 1 cell from the start.</summary>
    public int FirstSearched { get; }

    /// <summary>Last grid point at least 2σ + 1 cell from the end.</summary>
    public int LastSearched { get; }

    /// <summary>Checkpoint values → smoothed values on the grid.</summary>
    public double[] Smooth(double[] values)
    {
        var interpolated = Interpolate(values);
        var result = new double[Grid.Length];
        for (var k = 0; k < Grid.Length; k++)
            result[k] = SmoothAt(interpolated, k);
        return result;
    }

    /// <summary>‖m‖₂ where a(k) = Σᵢ mᵢ yᵢ: the noise sd of the acceleration at grid point k per unit checkpoint noise.</summary>
    public double AccelerationNoiseGain(int k)
    {
        var impulse = new double[_steps.Count];
        double sum = 0;
        for (var i = 0; i < impulse.Length; i++)
        {
            impulse[i] = 1;
            var interpolated = Interpolate(impulse);
            var weight = (SmoothAt(interpolated, k + 1) - 2 * SmoothAt(interpolated, k) + SmoothAt(interpolated, k - 1))
                         / (Spacing * Spacing);
            sum += weight * weight;
            impulse[i] = 0;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>Kernel-weighted mean around grid point k, padded by odd reflection at both ends.</summary>
    private double SmoothAt(double[] values, int k)
    {
        var radius = _kernel.Length / 2;
        var n = values.Length;
        double sum = 0;
        for (var j = -radius; j <= radius; j++)
        {
            var index = k + j;
            var value = index < 0 ? 2 * values[0] - values[Math.Min(-index, n - 1)]
                : index >= n ? 2 * values[n - 1] - values[Math.Max(2 * (n - 1) - index, 0)]
                : values[index];
            sum += _kernel[j + radius] * value;
        }
        return sum;
    }

    /// <summary>Gaussian weights over ±⌈3σ⌉ cells, summing to 1; the identity below half a cell.</summary>
    private static double[] Kernel(double sigmaCells)
    {
        if (sigmaCells < 0.5)
            return [1.0];
        var radius = (int)Math.Ceiling(3 * sigmaCells);
        var kernel = new double[2 * radius + 1];
        for (var j = -radius; j <= radius; j++)
            kernel[j + radius] = Math.Exp(-j * j / (2 * sigmaCells * sigmaCells));
        var total = kernel.Sum();
        for (var j = 0; j < kernel.Length; j++)
            kernel[j] /= total;
        return kernel;
    }

    /// <summary>Piecewise-linear interpolation of the checkpoint values at the grid points.</summary>
    private double[] Interpolate(double[] values)
    {
        var result = new double[Grid.Length];
        var segment = 0;
        for (var k = 0; k < Grid.Length; k++)
        {
            while (segment < _steps.Count - 2 && Grid[k] > _steps[segment + 1]) segment++;
            var fraction = (Grid[k] - _steps[segment]) / (_steps[segment + 1] - _steps[segment]);
            result[k] = values[segment] + Math.Clamp(fraction, 0, 1) * (values[segment + 1] - values[segment]);
        }
        return result;
    }
}
