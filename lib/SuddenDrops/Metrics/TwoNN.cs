using TorchSharp;
using static TorchSharp.torch;
using static SuddenDrops.Model.HeldScalars;

namespace SuddenDrops.Metrics;

/// <summary>
/// TwoNN intrinsic-dimension estimator (Facco, d'Errico, Rodriguez &amp; Laio 2017, "Estimating the intrinsic
/// dimension of datasets by a minimal neighborhood information", Sci. Rep. 7:12140).
/// For each point i, r₁ and r₂ are the distances to its first and second nearest neighbours and μᵢ = r₂/r₁.
/// If density is locally constant on a d-dimensional manifold, μ is Pareto distributed, F(μ) = 1 − μ^(−d), so
/// −log(1 − F(μ)) = d·log μ. With the μ sorted ascending and the empirical F(μ₍ᵢ₎) = i/N (i = 1..N), d is the
/// slope of the least-squares line through the origin, d = Σ xᵢyᵢ / Σ xᵢ² with x = log μ, y = −log(1 − i/N),
/// over the smallest 90% of the μ (the largest 10% are discarded, as in Facco et al. and Ansuini et al. 2019).
/// <para>
/// Nearest neighbours are brute force, all pairs, through the Gram matrix with TorchSharp (float64):
/// ‖xᵢ − xⱼ‖² = ‖xᵢ‖² + ‖xⱼ‖² − 2 xᵢ·xⱼ in row blocks, the 4 smallest per row kept as candidates; the candidates'
/// distances are then recomputed directly from the coordinates, so the cancellation of the Gram form never
/// reaches r₁ or r₂. Exact duplicate rows are removed first (one copy stays); a point whose nearest neighbour
/// is still at distance 0 would make μ infinite and is dropped.
/// </para>
/// </summary>
public static class TwoNN
{
    /// <summary>Facco et al.'s default: fit on the smallest 90% of the ratios.</summary>
    public const double DefaultDiscardFraction = 0.1;

    /// <summary>Angles below this (radians) count as zero under <see cref="Distance.Cosine"/>: parallel vectors.</summary>
    public const double CosineZeroAngle = 1e-9;

    private const int NeighborCandidates = 4;
    private const int RowBlock = 1024;

    /// <summary>Estimates the intrinsic dimension of the rows of <paramref name="points"/> ([N, D]).</summary>
    public static TwoNNResult Estimate(float[,] points, Distance metric = Distance.Euclidean,
        double discardFraction = DefaultDiscardFraction)
    {
        var rows = points.GetLength(0);
        var dims = points.GetLength(1);
        var flat = new float[rows * dims];
        Buffer.BlockCopy(points, 0, flat, 0, flat.Length * sizeof(float));
        return Estimate(flat, dims, metric, discardFraction);
    }

    /// <summary>Estimates the intrinsic dimension of <paramref name="points"/>: row-major [N, dims].</summary>
    public static TwoNNResult Estimate(float[] points, int dims, Distance metric = Distance.Euclidean,
        double discardFraction = DefaultDiscardFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dims);
        if (points.Length % dims != 0)
            throw new ArgumentException($"{points.Length} values are not a whole number of {dims}-dimensional points");
        if (discardFraction is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(discardFraction), discardFraction, "must be in [0, 1)");
        var input = points.Length / dims;
        var unique = DistinctRows(points, dims, metric);
        var n = unique.Count;
        if (n < 3)
            throw new ArgumentException($"TwoNN needs at least 3 distinct points; got {n} of {input}");

        var coordinates = new double[n * dims]; // [n, dims], unit rows for cosine
        for (var i = 0; i < n; i++)
            CopyRow(points, unique[i], dims, coordinates.AsSpan(i * dims, dims), normalize: metric == Distance.Cosine);

        var candidates = NearestCandidates(coordinates, n, dims, Math.Min(NeighborCandidates, n - 1));
        var ratios = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            var (r1, r2) = TwoNearest(coordinates, dims, i, candidates[i], metric);
            var zero = metric == Distance.Cosine ? CosineZeroAngle : 0;
            if (r1 > zero)
                ratios.Add(r2 / r1);
        }
        if (ratios.Count < 3)
            throw new ArgumentException($"TwoNN needs at least 3 points with a nonzero nearest-neighbour distance; got {ratios.Count}");
        var (dimension, fitted) = FitSlope(ratios, discardFraction);
        return new TwoNNResult(dimension, ratios.Count, input - ratios.Count, fitted);
    }

    /// <summary>Estimates the intrinsic dimension of the rows of a [N, D] tensor (any device and floating type).</summary>
    public static TwoNNResult Estimate(Tensor points, Distance metric = Distance.Euclidean,
        double discardFraction = DefaultDiscardFraction)
    {
        if (points.dim() != 2)
            throw new ArgumentException($"Expected a [N, D] tensor, got shape [{string.Join(", ", points.shape)}]");
        using var cpu = points.detach().to(ScalarType.Float32, CPU).contiguous();
        return Estimate(cpu.data<float>().ToArray(), (int)points.shape[1], metric, discardFraction);
    }

    /// <summary>
    /// The slope of −log(1 − i/N) against log μ₍ᵢ₎ through the origin, over the ⌊(1 − discard)·N⌋ smallest μ.
    /// </summary>
    internal static (double Slope, int Fitted) FitSlope(List<double> ratios, double discardFraction)
    {
        ratios.Sort();
        var n = ratios.Count;
        var fitted = (int)Math.Floor((1 - discardFraction) * n);
        fitted = Math.Min(fitted, n - 1); // i = N gives F = 1 and an infinite y
        double sxy = 0, sxx = 0;
        for (var i = 0; i < fitted; i++)
        {
            var x = Math.Log(ratios[i]);
            var y = -Math.Log(1 - (i + 1.0) / n);
            sxy += x * y;
            sxx += x * x;
        }
        if (sxx == 0)
            throw new ArgumentException("All fitted neighbour ratios are 1 (equidistant neighbours): the dimension is undefined");
        return (sxy / sxx, fitted);
    }

    /// <summary>Indices of the rows kept: first copy of each exact duplicate; zero rows are left out for cosine.</summary>
    private static List<int> DistinctRows(float[] points, int dims, Distance metric)
    {
        var seen = new HashSet<RowKey>();
        var kept = new List<int>();
        for (var i = 0; i < points.Length / dims; i++)
        {
            var row = new ArraySegment<float>(points, i * dims, dims);
            if (row.Any(value => !float.IsFinite(value)))
                throw new ArgumentException($"Point {i} has a non-finite coordinate");
            if (metric == Distance.Cosine && row.All(value => value == 0))
                continue;
            if (seen.Add(new RowKey(row)))
                kept.Add(i);
        }
        return kept;
    }

    private static void CopyRow(float[] points, int row, int dims, Span<double> target, bool normalize)
    {
        var source = points.AsSpan(row * dims, dims);
        double squares = 0;
        for (var k = 0; k < dims; k++)
        {
            target[k] = source[k];
            squares += target[k] * target[k];
        }
        if (!normalize)
            return;
        var norm = Math.Sqrt(squares);
        for (var k = 0; k < dims; k++)
            target[k] /= norm;
    }

    /// <summary>For each row, the <paramref name="count"/> other rows with the smallest squared distance (Gram form).</summary>
    private static long[][] NearestCandidates(double[] coordinates, int n, int dims, int count)
    {
        using var scope = NewDisposeScope();
        var x = tensor(coordinates, [n, dims], ScalarType.Float64); // [n, D]
        x = x - x.mean([0], keepdim: true); // centring leaves distances unchanged and reduces cancellation
        var squaredNorms = (x * x).sum(1); // [n]
        // Scalars held through the native calls (environment.md, "Scalars").
        using Scalar two = 2.ToScalar(), infinity = double.PositiveInfinity.ToScalar();
        var result = new long[n][];
        for (var start = 0; start < n; start += RowBlock)
        {
            var rows = Math.Min(RowBlock, n - start);
            var block = x.narrow(0, start, rows); // [b, D]
            var squared = squaredNorms.narrow(0, start, rows).unsqueeze(1).add(squaredNorms.unsqueeze(0), One)
                          - two * block.mm(x.t()); // [b, n]
            squared.diagonal(offset: start).fill_(infinity); // (r, start + r): a point is not its own neighbour
            var (_, indices) = squared.topk(count, dim: 1, largest: false, sorted: true); // [b, count]
            var flat = indices.contiguous().data<long>().ToArray();
            for (var r = 0; r < rows; r++)
                result[start + r] = flat.AsSpan(r * count, count).ToArray();
        }
        return result;
    }

    /// <summary>Exact r₁ ≤ r₂ among the candidate neighbours of row <paramref name="i"/>.</summary>
    private static (double R1, double R2) TwoNearest(double[] coordinates, int dims, int i, long[] candidates, Distance metric)
    {
        double r1 = double.PositiveInfinity, r2 = double.PositiveInfinity;
        var row = coordinates.AsSpan(i * dims, dims);
        foreach (var j in candidates)
        {
            var other = coordinates.AsSpan((int)j * dims, dims);
            var distance = EuclideanDistance(row, other);
            if (metric == Distance.Cosine)
                distance = 2 * Math.Asin(Math.Min(1, distance / 2)); // angle between unit vectors
            if (distance < r1)
                (r1, r2) = (distance, r1);
            else if (distance < r2)
                r2 = distance;
        }
        return (r1, r2);
    }

    private static double EuclideanDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (var k = 0; k < a.Length; k++)
        {
            var d = a[k] - b[k];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }
}
