using SuddenDrops.Parsing;

namespace SuddenDrops.Tests.Parsing;

public sealed class ChuLiuEdmondsTests
{
    /// <summary>Uniform scores in [-5, 5); a share of arcs between words forbidden (-∞), never d → d - 1, so that a one-root tree exists.</summary>
    private static double[,] RandomScores(int words, Random random, double forbiddenShare = 0)
    {
        var scores = new double[words + 1, words + 1];
        for (var d = 1; d <= words; d++)
            for (var h = 0; h <= words; h++)
                scores[d, h] = h != 0 && h != d - 1 && random.NextDouble() < forbiddenShare ? double.NegativeInfinity : random.NextDouble() * 10 - 5;
        return scores;
    }

    /// <summary>Exactly one word on ROOT, every word has a head in 0..n other than itself, and every word reaches ROOT.</summary>
    private static void AssertSingleRootTree(int[] heads)
    {
        var words = heads.Length - 1;
        Assert.Equal(-1, heads[0]);
        Assert.Equal(1, heads.Skip(1).Count(h => h == 0));
        for (var d = 1; d <= words; d++)
        {
            Assert.InRange(heads[d], 0, words);
            Assert.NotEqual(d, heads[d]);
            var v = d;
            for (var steps = 0; v != 0; steps++)
            {
                Assert.True(steps <= words, $"word {d} does not reach the root (cycle)");
                v = heads[v];
            }
        }
    }

    [Fact]
    public void Always_returns_a_tree_with_one_root_word_on_random_scores()
    {
        for (var seed = 0; seed < 25; seed++)
            for (var words = 1; words <= 40; words++)
            {
                var random = new Random(seed * 100 + words);
                AssertSingleRootTree(ChuLiuEdmonds.Decode(RandomScores(words, random)));
                AssertSingleRootTree(ChuLiuEdmonds.Decode(RandomScores(words, random, forbiddenShare: 0.5)));
            }
    }

    [Fact]
    public void Returns_a_tree_when_the_best_heads_form_cycles_and_several_words_prefer_the_root()
    {
        // Greedy: 1 ↔ 2 form a cycle, 3 and 4 both prefer ROOT.
        var scores = new double[5, 5];
        for (var d = 1; d < 5; d++) for (var h = 0; h < 5; h++) scores[d, h] = -10;
        scores[1, 2] = 0; scores[2, 1] = 0; scores[3, 0] = 0; scores[4, 0] = 0; scores[4, 3] = -1; scores[1, 3] = -2;
        var heads = ChuLiuEdmonds.Decode(scores);
        AssertSingleRootTree(heads);
        Assert.Equal([-1, 3, 1, 0, 3], heads);
    }

    [Fact]
    public void Finds_the_best_single_root_tree_checked_by_brute_force()
    {
        for (var seed = 0; seed < 40; seed++)
            for (var words = 1; words <= 5; words++)
            {
                var scores = RandomScores(words, new Random(1000 + seed * 10 + words), forbiddenShare: seed % 2 == 0 ? 0 : 0.3);
                var decoded = ChuLiuEdmonds.Decode(scores);
                AssertSingleRootTree(decoded);
                var best = BruteForceBest(scores, words);
                Assert.Equal(best, ChuLiuEdmonds.Score(scores, decoded), 9);
            }
    }

    private static double BruteForceBest(double[,] scores, int words)
    {
        var heads = new int[words + 1];
        heads[0] = -1;
        var best = double.NegativeInfinity;
        var total = (long)Math.Pow(words + 1, words);
        for (var code = 0L; code < total; code++)
        {
            var rest = code;
            for (var d = 1; d <= words; d++) { heads[d] = (int)(rest % (words + 1)); rest /= words + 1; }
            if (IsSingleRootTree(heads)) best = Math.Max(best, ChuLiuEdmonds.Score(scores, heads));
        }
        return best;
    }

    private static bool IsSingleRootTree(int[] heads)
    {
        if (heads.Skip(1).Count(h => h == 0) != 1) return false;
        for (var d = 1; d < heads.Length; d++)
        {
            var v = d;
            for (var steps = 0; v != 0; steps++)
            {
                if (steps >= heads.Length || heads[v] == v) return false;
                v = heads[v];
            }
        }
        return true;
    }
}
