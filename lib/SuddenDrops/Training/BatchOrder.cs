namespace SuddenDrops.Training;

/// <summary>
/// Which sequences make up the batch of a given step: the run walks through seeded random permutations
/// of all sequences, one per epoch. Batch s holds the global draws s·B … s·B + B − 1, so the order is a
/// function of the step alone (exact resume). <paramref name="purpose"/> names the seed stream (<see cref="SeedMix"/>), so that
/// two orders of one run (raw text, treebank sentences) are independent.
/// </summary>
public sealed class BatchOrder(int sequences, int batchSize, long seed, long purpose = SeedMix.BatchOrder)
{
    private long cachedEpoch = -1;
    private int[] permutation = [];

    public int[] For(long step)
    {
        var result = new int[batchSize];
        for (int i = 0; i < batchSize; i++)
        {
            long draw = step * batchSize + i;
            long epoch = draw / sequences;
            result[i] = Permutation(epoch)[(int)(draw % sequences)];
        }
        return result;
    }

    private int[] Permutation(long epoch)
    {
        if (epoch == cachedEpoch) return permutation;
        var p = Enumerable.Range(0, sequences).ToArray();
        var rng = SeedMix.Generator(seed, purpose, epoch);
        for (int i = p.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        cachedEpoch = epoch;
        permutation = p;
        return p;
    }
}
