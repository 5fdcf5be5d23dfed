using SuddenDrops.Training;

namespace SuddenDrops.Tests.Fixtures;

/// <summary>The synthetic token corpora the training tests learn from.</summary>
internal static class SyntheticCorpus
{
    /// <summary>
    /// A synthetic language with structure to learn: each piece predicts the next (a noisy cycle of 40 pieces from id 110,
    /// a separator 102 every 17th piece), so the loss has somewhere to go. The training stream is drawn before the
    /// held-out one from one <see cref="Random"/>(<paramref name="seed"/>).
    /// </summary>
    public static TokenCorpus NoisyCycle(int seed = 3, int trainLength = 6000, int heldOutLength = 1200)
    {
        var rng = new Random(seed);
        int[] Stream(int n) => Enumerable.Range(0, n).Select(i => i % 17 == 16 ? 102 : 110 + (i * 7 + (rng.Next(10) == 0 ? rng.Next(5) : 0)) % 40).ToArray();
        return TokenCorpus.FromStreams(Stream(trainLength), Stream(heldOutLength), "synthetic");
    }
}
