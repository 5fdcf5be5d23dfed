using System.Diagnostics;
using static TorchSharp.torch;

namespace SuddenDrops.Experiments;

/// <summary>One measured matmul rate: an [M, K] × [K, N] product in one dtype.</summary>
public sealed record MatmulRate(long M, long K, long N, string DType, double Milliseconds, double GflopsPerSecond);

/// <summary>
/// The ceiling a training step is measured against: libtorch's own matmul rate on this machine, in fp32 and bf16, at the
/// shapes a small BERT's step multiplies (tokens × d × d, tokens × d × 4d) and at large square shapes. Measured in the
/// same process and with the same threads as the step it is compared with.
/// </summary>
public static class MatmulRoofline
{
    /// <summary>(M, K, N) of the products timed: the tiny and small presets' projections and two large squares.</summary>
    public static IReadOnlyList<(long M, long K, long N)> Shapes { get; } =
        [(4096, 128, 128), (4096, 128, 512), (4096, 256, 256), (4096, 256, 1024), (1024, 1024, 1024), (2048, 2048, 2048)];

    public static IReadOnlyList<MatmulRate> Measure(int threads, double secondsPerShape = 0.5)
    {
        if (threads > 0) set_num_threads(threads);
        Model.CpuRuntime.ConfigureAllocator();
        var rates = new List<MatmulRate>();
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.BFloat16 })
            foreach (var (m, k, n) in Shapes)
            {
                using var a = randn(m, k).to(dtype);
                using var b = randn(k, n).to(dtype);
                for (int i = 0; i < 3; i++) matmul(a, b).Dispose();
                int reps = 0;
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed.TotalSeconds < secondsPerShape || reps < 3)
                {
                    matmul(a, b).Dispose();
                    reps++;
                }
                double ms = clock.Elapsed.TotalMilliseconds / reps;
                rates.Add(new MatmulRate(m, k, n, dtype == ScalarType.Float32 ? "fp32" : "bf16", ms, 2.0 * m * k * n / (ms / 1000) / 1e9));
            }
        return rates;
    }
}
