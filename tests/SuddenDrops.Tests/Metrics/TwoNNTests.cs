using System.Diagnostics;
using SuddenDrops.Metrics;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Metrics;

/// <summary>
/// TwoNN on point clouds of known dimension. Tolerances: with N points the estimate's sampling error is a few
/// percent of d (Facco et al. 2017, Fig. 2); seeds 1–4 gave 1.90–2.07 (plane), 4.93–5.34 (5-D Gaussian) and
/// 0.95–1.04 (circle), so the bounds are d ± 0.2, ± 0.5 and ± 0.1.
/// </summary>
public class TwoNNTests(ITestOutputHelper output)
{
    [Fact]
    public void HandComputedLine()
    {
        // points 0, 1, 3, 7, 15 on a line:
        //   0: r1 = 1 (to 1), r2 = 3 (to 3) → μ = 3      1: r1 = 1, r2 = 2 → μ = 2
        //   3: r1 = 2 (to 1), r2 = 3 (to 0) → μ = 1.5    7: r1 = 4, r2 = 6 → 1.5     15: r1 = 8, r2 = 12 → 1.5
        // sorted μ = 1.5, 1.5, 1.5, 2, 3; N = 5, fit the first ⌊0.9·5⌋ = 4 with F = 1/5 … 4/5:
        //   x = ln μ, y = −ln(1 − F); d = Σxy / Σx²
        float[,] points = { { 0 }, { 1 }, { 3 }, { 7 }, { 15 } };
        double[] x = [Math.Log(1.5), Math.Log(1.5), Math.Log(1.5), Math.Log(2)];
        double[] y = [-Math.Log(0.8), -Math.Log(0.6), -Math.Log(0.4), -Math.Log(0.2)];
        var expected = x.Zip(y, (a, b) => a * b).Sum() / x.Sum(a => a * a); // 1.8329...

        var result = TwoNN.Estimate(points);

        Assert.Equal(expected, result.Dimension, 10);
        Assert.Equal(new TwoNNResult(result.Dimension, PointsUsed: 5, PointsDropped: 0, PointsFitted: 4), result);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void PlaneEmbeddedIn50DimensionsIsTwoDimensional(int seed)
    {
        var result = TwoNN.Estimate(PointClouds.PlaneIn(2000, 50, seed));

        Assert.InRange(result.Dimension, 1.8, 2.2);
        Assert.Equal(2000, result.PointsUsed);
        Assert.Equal(1800, result.PointsFitted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void FiveDimensionalGaussianIsFiveDimensional(int seed)
    {
        var result = TwoNN.Estimate(PointClouds.Gaussian(2000, 5, seed));

        Assert.InRange(result.Dimension, 4.5, 5.5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void CircleIn3DIsOneDimensional(int seed)
    {
        var result = TwoNN.Estimate(PointClouds.CircleIn3D(1000, seed));

        Assert.InRange(result.Dimension, 0.9, 1.1);
    }

    [Fact]
    public void DuplicatesAreDroppedAndChangeNothing()
    {
        var points = PointClouds.PlaneIn(500, 10, seed: 5);
        var withDuplicates = new float[550, 10];
        for (var i = 0; i < 550; i++)
            for (var k = 0; k < 10; k++)
                withDuplicates[i, k] = points[i < 500 ? i : (i - 500) * 7, k]; // 50 copies of points 0, 7, …, 343

        var clean = TwoNN.Estimate(points);
        var duplicated = TwoNN.Estimate(withDuplicates);

        Assert.Equal(50, duplicated.PointsDropped);
        Assert.Equal(500, duplicated.PointsUsed);
        Assert.Equal(clean.Dimension, duplicated.Dimension, 12);
    }

    [Fact]
    public void CosineDistanceIgnoresNorms()
    {
        // a plane patch away from the origin, each point scaled by a random factor in [1, 2]: Euclidean distance
        // sees the plane plus the radial direction (3-D); the angle between vectors sees only the plane (2-D)
        var points = PointClouds.PlaneIn(2000, 20, seed: 2, offset: 3);
        var random = new Random(9);
        for (var i = 0; i < 2000; i++)
        {
            var scale = (float)(1 + random.NextDouble());
            for (var k = 0; k < 20; k++)
                points[i, k] *= scale;
        }

        var euclidean = TwoNN.Estimate(points, Distance.Euclidean);
        var cosine = TwoNN.Estimate(points, Distance.Cosine);

        Assert.InRange(euclidean.Dimension, 2.6, 3.4);
        Assert.InRange(cosine.Dimension, 1.8, 2.2);
    }

    [Fact]
    public void CosineDropsZeroAndParallelVectors()
    {
        var points = PointClouds.PlaneIn(300, 8, seed: 4, offset: 2);
        var extended = new float[303, 8];
        for (var i = 0; i < 300; i++)
            for (var k = 0; k < 8; k++)
                extended[i, k] = points[i, k];
        for (var k = 0; k < 8; k++)
        {
            extended[300, k] = 0; // zero vector: no direction
            extended[301, k] = 4 * points[0, k]; // parallel to point 0: angle 0 to it
            extended[302, k] = 0.5f * points[1, k]; // parallel to point 1
        }

        var result = TwoNN.Estimate(extended, Distance.Cosine);

        // the zero row, and both members of each parallel pair (nearest neighbour at angle 0)
        Assert.Equal(5, result.PointsDropped);
        Assert.Equal(298, result.PointsUsed);
    }

    [Fact]
    public void FlatArrayAndTensorOverloadsAgree()
    {
        var points = PointClouds.Gaussian(400, 6, seed: 8);
        var flat = new float[400 * 6];
        Buffer.BlockCopy(points, 0, flat, 0, flat.Length * sizeof(float));
        using var pointsTensor = tensor(flat, [400, 6]); // [N, D]

        var fromArray = TwoNN.Estimate(points);
        var fromFlat = TwoNN.Estimate(flat, 6);
        var fromTensor = TwoNN.Estimate(pointsTensor);

        Assert.Equal(fromArray, fromFlat);
        Assert.Equal(fromArray, fromTensor);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        Assert.Throws<ArgumentException>(() => TwoNN.Estimate(new float[7], 2));
        Assert.Throws<ArgumentException>(() => TwoNN.Estimate(new float[,] { { 0 }, { 1 } }));
        Assert.Throws<ArgumentException>(() => TwoNN.Estimate(new float[,] { { 0 }, { 1 }, { float.NaN } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoNN.Estimate(new float[,] { { 0 }, { 1 }, { 3 } }, discardFraction: 1));
    }

    [Fact]
    public void TwoThousandPointsIn256DimensionsAreFast()
    {
        var points = PointClouds.Gaussian(2000, 256, seed: 1);
        TwoNN.Estimate(PointClouds.Gaussian(50, 256, seed: 2)); // load libtorch outside the timing

        var watch = Stopwatch.StartNew();
        var result = TwoNN.Estimate(points);
        watch.Stop();

        output.WriteLine($"TwoNN N=2000 D=256: {watch.ElapsedMilliseconds} ms, d = {result.Dimension:F1}");
        Assert.Equal(2000, result.PointsUsed);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 5); // measured 0.25–0.5 s on 2 shared cores; the bound only catches gross regressions
    }
}
