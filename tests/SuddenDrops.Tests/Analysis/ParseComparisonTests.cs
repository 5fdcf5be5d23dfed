using SuddenDrops.Analysis;
using SuddenDrops.Data;

namespace SuddenDrops.Tests.Analysis;

public class ParseComparisonTests
{
    // "the cat sat down": the→cat (det), cat→sat (nsubj), sat root, down→sat (compound:prt)
    private static readonly DependencySentence CatSat = new("s1", ["the", "cat", "sat", "down"], [2, 3, 0, 3],
        ["det", "nsubj", "root", "compound:prt"], ["DET", "NOUN", "VERB", "ADP"]);

    [Fact]
    public void Scores_each_word_against_its_gold_head_with_the_root_never_right()
    {
        var words = ParseComparison.Compare(CatSat, [2, 3, 2, 1]);

        Assert.Equal([true, true, false, false], words.Select(w => w.Correct));
        Assert.Equal(("cat", "sat", "ROOT", "sat"), (words[0].GoldHeadWord, words[1].GoldHeadWord, words[2].GoldHeadWord, words[3].GoldHeadWord));
        Assert.Equal("the", words[3].PredictedHeadWord);
        Assert.Equal(0.5, ParseComparison.Uas(words));
    }

    [Fact]
    public void A_perfect_parse_still_misses_the_root()
    {
        var words = ParseComparison.Compare(CatSat, [2, 3, 4, 3]);

        Assert.Equal(0.75, ParseComparison.Uas(words));
    }

    [Fact]
    public void Offset_parsers_point_k_words_away_and_nowhere_outside_the_sentence()
    {
        Assert.Equal([2, 3, 4, 0], ParseComparison.OffsetHeads(4, +1));
        Assert.Equal([0, 0, 1, 2], ParseComparison.OffsetHeads(4, -2));
        Assert.Equal(0.5, ParseComparison.Uas(ParseComparison.Compare(CatSat, ParseComparison.OffsetHeads(4, +1))));
    }

    [Fact]
    public void Rejects_a_parse_of_another_length()
    {
        var error = Assert.Throws<ArgumentException>(() => ParseComparison.Compare(CatSat, [2, 3]));
        Assert.Contains("s1", error.Message);
    }
}
