using System.Runtime.InteropServices;

namespace SuddenDrops.Model;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018, "Scrambled linear pseudorandom number generators"), seeded by SplitMix64:
/// a small, fast generator whose every 16-bit slice is uniform. Used for dropout masks (<see cref="FastDropout"/>).
/// </summary>
internal static class Xoshiro256StarStar
{
    /// <summary>Fills <paramref name="destination"/> with uniformly random bytes; the same seed gives the same bytes.</summary>
    public static void Fill(Span<byte> destination, ulong seed)
    {
        ulong s0 = SplitMix64(ref seed), s1 = SplitMix64(ref seed), s2 = SplitMix64(ref seed), s3 = SplitMix64(ref seed);
        var words = MemoryMarshal.Cast<byte, ulong>(destination);
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = RotateLeft(s1 * 5, 7) * 9;
            ulong t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = RotateLeft(s3, 45);
        }
        var tail = destination[(words.Length * sizeof(ulong))..];
        if (tail.Length > 0)
        {
            Span<byte> last = stackalloc byte[sizeof(ulong)];
            MemoryMarshal.Write(last, RotateLeft(s1 * 5, 7) * 9);
            last[..tail.Length].CopyTo(tail);
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
