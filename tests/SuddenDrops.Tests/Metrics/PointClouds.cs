namespace SuddenDrops.Tests.Metrics;

/// <summary>Seeded point clouds of known intrinsic dimension, row-major [N, D].</summary>
internal static class PointClouds
{
    /// <summary>N points uniform on the unit square, mapped into D dimensions by a fixed Gaussian 2 × D matrix plus an offset.</summary>
    public static float[,] PlaneIn(int n, int dims, int seed, double offset = 0)
    {
        var random = new Random(seed);
        var basis = Gaussians(random, 2, dims);
        var points = new float[n, dims];
        for (var i = 0; i < n; i++)
        {
            double u = random.NextDouble(), v = random.NextDouble();
            for (var k = 0; k < dims; k++)
                points[i, k] = (float)(offset + u * basis[0, k] + v * basis[1, k]);
        }
        return points;
    }

    /// <summary>N standard Gaussian points in <paramref name="dims"/> dimensions.</summary>
    public static float[,] Gaussian(int n, int dims, int seed)
    {
        var random = new Random(seed);
        var values = Gaussians(random, n, dims);
        var points = new float[n, dims];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < dims; k++)
                points[i, k] = (float)values[i, k];
        return points;
    }

    /// <summary>N points uniform on a unit circle in the plane spanned by two fixed orthonormal vectors of 3-D space.</summary>
    public static float[,] CircleIn3D(int n, int seed)
    {
        var random = new Random(seed);
        // orthonormal a = (1, 1, 0)/√2, b = (1, −1, 1)/√3
        double[] a = [1 / Math.Sqrt(2), 1 / Math.Sqrt(2), 0];
        double[] b = [1 / Math.Sqrt(3), -1 / Math.Sqrt(3), 1 / Math.Sqrt(3)];
        var points = new float[n, 3];
        for (var i = 0; i < n; i++)
        {
            var angle = 2 * Math.PI * random.NextDouble();
            for (var k = 0; k < 3; k++)
                points[i, k] = (float)(Math.Cos(angle) * a[k] + Math.Sin(angle) * b[k]);
        }
        return points;
    }

    private static double[,] Gaussians(Random random, int rows, int columns)
    {
        var values = new double[rows, columns];
        for (var i = 0; i < rows; i++)
            for (var k = 0; k < columns; k++)
                values[i, k] = NoisySeries.Gaussian(random);
        return values;
    }
}
