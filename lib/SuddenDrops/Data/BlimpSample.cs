namespace SuddenDrops.Data;

/// <summary>
/// A fixed, seeded subsample of BLiMP: K pairs from every paradigm (<see cref="BlimpPair.Uid"/>), so that
/// evaluating many checkpoints stays cheap while every phenomenon keeps the same weight.
/// The choice inside a paradigm depends only on the seed, the paradigm's UID and its pairs, not on the
/// other paradigms read alongside it nor on the process (a stable FNV-1a hash of the UID seeds each paradigm).
/// </summary>
public static class BlimpSample
{
    /// <summary>
    /// Picks <paramref name="perParadigm"/> pairs from each paradigm (all of them where it has fewer).
    /// Paradigms come out in order of first appearance; pairs keep their order in the input.
    /// </summary>
    public static IReadOnlyList<BlimpPair> Select(IReadOnlyList<BlimpPair> pairs, int perParadigm, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perParadigm);
        var sample = new List<BlimpPair>();
        foreach (var paradigm in pairs.GroupBy(pair => pair.Uid, StringComparer.Ordinal))
        {
            var members = paradigm.ToArray();
            if (members.Length <= perParadigm)
            {
                sample.AddRange(members);
                continue;
            }
            var random = new Random(unchecked(seed * 31 + StableHash(paradigm.Key)));
            var chosen = Enumerable.Range(0, members.Length).ToArray();
            random.Shuffle(chosen);
            Array.Sort(chosen, 0, perParadigm);
            for (var i = 0; i < perParadigm; i++)
                sample.Add(members[chosen[i]]);
        }
        return sample;
    }

    /// <summary>32-bit FNV-1a over UTF-16 code units: the same in every process (unlike string.GetHashCode).</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return unchecked((int)hash);
    }
}
