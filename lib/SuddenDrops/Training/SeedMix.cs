namespace SuddenDrops.Training;

/// <summary>
/// Counter-based seeding: every random choice of a run (batch order, masking, dropout) is drawn from
/// a generator seeded by a hash of (run seed, purpose, step). The random state at step s is therefore a
/// function of s alone, which makes <c>--resume</c> exact without saving generator states.
/// </summary>
public static class SeedMix
{
    /// <summary>SplitMix64 finaliser over the combined inputs.</summary>
    public static ulong Mix(long seed, long purpose, long counter)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)purpose * 0xBF58476D1CE4E5B9UL ^ (ulong)counter * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A <see cref="Random"/> for (seed, purpose, counter); <c>new Random(int)</c> is stable across .NET versions.</summary>
    public static Random Generator(long seed, long purpose, long counter) => new((int)(Mix(seed, purpose, counter) & 0x7FFFFFFF));

    /// <summary>A 63-bit seed for torch's generator.</summary>
    public static long TorchSeed(long seed, long purpose, long counter) => (long)(Mix(seed, purpose, counter) >> 1);

    public const long BatchOrder = 1, Masking = 2, Dropout = 3, EvalMasking = 4, Sampling = 5, LabeledOrder = 6;
}
