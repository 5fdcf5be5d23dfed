namespace SuddenDrops.Training;

/// <summary>
/// The loss of a model that ignores context: cross-entropy of the held-out targets under the training
/// stream's piece frequencies (add-one smoothed over the vocabulary). A trained MLM must go clearly below it.
/// </summary>
public static class UnigramBaseline
{
    public static double CrossEntropy(int[] trainStream, IEnumerable<long> heldOutTargets, int vocabSize, IReadOnlySet<int> excluded)
    {
        var counts = new double[vocabSize];
        foreach (var id in trainStream) if (!excluded.Contains(id)) counts[id]++;
        double total = counts.Sum() + vocabSize;
        double sum = 0;
        long n = 0;
        foreach (var t in heldOutTargets)
        {
            sum -= Math.Log((counts[t] + 1) / total);
            n++;
        }
        return n == 0 ? double.NaN : sum / n;
    }
}
