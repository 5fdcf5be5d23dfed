using System.Diagnostics;
using SuddenDrops.Data;
using SuddenDrops.Model;
using SuddenDrops.Text;
using static TorchSharp.torch;

namespace SuddenDrops.Metrics;

/// <summary>
/// BLiMP minimal pairs scored by pseudo-log-likelihood (<see cref="PseudoLogLikelihood"/>; Salazar et al. 2020 §4 use
/// the same criterion). Each sentence is tokenised once with the run's vocabulary; the good and bad sentence of a pair
/// are scored next to each other, so their masked copies share a batch with those of neighbouring pairs.
/// A pair is right when PLL(good) &gt; PLL(bad) strictly; ties count as wrong (see <see cref="BlimpReport"/>).
/// </summary>
public sealed class BlimpEvaluation
{
    private readonly PseudoLogLikelihood scorer;
    private readonly int[][] sentences; // good₀, bad₀, good₁, bad₁, …

    public BlimpEvaluation(IReadOnlyList<BlimpPair> pairs, WordPieceEncoder encoder, int tokenBudget = PseudoLogLikelihood.DefaultTokenBudget)
    {
        if (pairs.Count == 0) throw new ArgumentException("BLiMP evaluation needs at least one pair.", nameof(pairs));
        Pairs = pairs;
        scorer = new PseudoLogLikelihood(encoder.Vocabulary, tokenBudget);
        sentences = new int[pairs.Count * 2][];
        for (var i = 0; i < pairs.Count; i++)
        {
            sentences[2 * i] = encoder.Encode(pairs[i].SentenceGood);
            sentences[2 * i + 1] = encoder.Encode(pairs[i].SentenceBad);
        }
    }

    public IReadOnlyList<BlimpPair> Pairs { get; }

    /// <summary>Word pieces over all sentences (each scored once per piece).</summary>
    public long Pieces => sentences.Sum(s => (long)s.Length);

    /// <summary>Scores every pair and summarises.</summary>
    public BlimpReport Evaluate(MaskedLanguageModel model, Device device)
    {
        var clock = Stopwatch.StartNew();
        var scores = scorer.Score(model, sentences, device);
        var seconds = clock.Elapsed.TotalSeconds;
        var good = new double[Pairs.Count];
        var bad = new double[Pairs.Count];
        for (var i = 0; i < Pairs.Count; i++)
        {
            good[i] = scores[2 * i];
            // identical pieces are an exact tie, whatever rounding their two rows of the batch saw
            bad[i] = sentences[2 * i].AsSpan().SequenceEqual(sentences[2 * i + 1]) ? good[i] : scores[2 * i + 1];
        }
        return Summarize(Pairs, good, bad, seconds);
    }

    /// <summary>The report for given scores: per paradigm, per linguistics_term, per field, and the mean over paradigms.</summary>
    public static BlimpReport Summarize(IReadOnlyList<BlimpPair> pairs, IReadOnlyList<double> good, IReadOnlyList<double> bad, double seconds)
    {
        if (good.Count != pairs.Count || bad.Count != pairs.Count)
            throw new ArgumentException($"{pairs.Count} pairs but {good.Count} good and {bad.Count} bad scores.");
        var paradigms = new List<BlimpParadigmScore>();
        foreach (var paradigm in Enumerable.Range(0, pairs.Count).GroupBy(i => pairs[i].Uid, StringComparer.Ordinal))
        {
            var members = paradigm.ToArray();
            var first = pairs[members[0]];
            var correct = members.Count(i => good[i] > bad[i]);
            var ties = members.Count(i => good[i] == bad[i]);
            paradigms.Add(new BlimpParadigmScore(paradigm.Key, first.FieldNormalized, first.LinguisticsTerm,
                members.Length, correct, ties, (double)correct / members.Length));
        }
        var totalCorrect = paradigms.Sum(p => p.Correct);
        return new BlimpReport(
            Pairs: pairs.Count,
            Paradigms: paradigms.Count,
            MeanOverParadigms: paradigms.Average(p => p.Accuracy),
            PairAccuracy: (double)totalCorrect / pairs.Count,
            Ties: paradigms.Sum(p => p.Ties),
            Seconds: seconds,
            PairsPerSecond: seconds > 0 ? pairs.Count / seconds : double.NaN,
            ByParadigm: paradigms,
            ByTerm: Group(paradigms, p => p.LinguisticsTerm),
            ByField: Group(paradigms, p => p.Field));
    }

    private static List<BlimpGroupScore> Group(List<BlimpParadigmScore> paradigms, Func<BlimpParadigmScore, string> key) =>
        paradigms.GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BlimpGroupScore(g.Key, g.Count(), g.Sum(p => p.Pairs), g.Sum(p => p.Correct), g.Average(p => p.Accuracy)))
            .ToList();
}
