using TorchSharp;
using static TorchSharp.torch;

namespace SuddenDrops.Model;

/// <summary>
/// Dropout (Srivastava et al. 2014): y = x ⊙ m / (1 − p), m ~ Bernoulli(1 − p) per element.
/// <para>
/// With <see cref="Kernels.Fast"/> on a CPU the mask is drawn from uniformly random 16-bit values u ∈ [0, 65536): an
/// element is kept when u ≥ q, q = round(p · 65536). The drop probability is then q / 65536 (0.1 → 0.100006), and the
/// kept values are scaled by 65536 / (65536 − q), so E[y] = x exactly. The values come from xoshiro256** (Blackman &amp;
/// Vigna 2018) seeded from libtorch's generator; libtorch's <c>bernoulli_</c> draws a 64-bit number per element with a
/// serial Mersenne Twister on AMD CPUs (its vectorised MKL path is Intel-only): 10 ns per element against 0.3 here.
/// Elsewhere (CUDA, or <see cref="Kernels.Reference"/>) it is <c>nn.functional.dropout</c>.
/// </para>
/// </summary>
public static class FastDropout
{
    private const int Levels = 1 << 16;

    /// <param name="x">any shape</param>
    /// <returns>same shape and dtype; a new tensor also when nothing is dropped (eval, p = 0)</returns>
    public static Tensor Apply(Tensor x, double p, bool training, Kernels kernels)
    {
        if (!training || p == 0) return x.alias();
        if (kernels == Kernels.Reference || x.device.type != DeviceType.CPU) return nn.functional.dropout(x, p, training: true);
        using var scope = NewDisposeScope();
        using var mask = KeepMask(x.shape, p, x.device, x.dtype);
        return x.mul(mask).MoveToOuterDisposeScope();
    }

    /// <summary>The scaled keep mask m / (1 − p) of the given shape and dtype, on the CPU.</summary>
    public static Tensor KeepMask(long[] shape, double p, Device device, ScalarType dtype)
    {
        if (p is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout probability must be in [0, 1).");
        if (device.type != DeviceType.CPU) throw new ArgumentException("The fast dropout mask is drawn on the CPU.", nameof(device));
        using var scope = NewDisposeScope();
        long n = shape.Aggregate(1L, (a, b) => a * b);
        long q = (long)Math.Round(p * Levels);
        // One 64-bit seed from libtorch's generator (so manual_seed makes the mask reproducible), then n uniform 16-bit
        // values written straight into the tensor's memory by xoshiro256** (a vectorisable 1 ns per 4 values, where
        // libtorch's serial generator takes 2–4 ns per value).
        ulong seed = unchecked((ulong)randint(long.MaxValue, [1], ScalarType.Int64).item<long>());
        var values = empty(n, ScalarType.Int16);                      // [n] signed: −32768 … 32767, uniform
        Xoshiro256StarStar.Fill(values.bytes, seed);
        // Scalars held through the native calls (environment.md, "Scalars").
        using Scalar threshold = (q - Levels / 2).ToScalar(), scale = ((double)Levels / (Levels - q)).ToScalar();
        var keep = values.ge_(threshold).view(shape);                  // [shape] 1 where u ≥ q, i.e. kept
        return keep.to(dtype).mul_(scale).MoveToOuterDisposeScope();
    }
}
