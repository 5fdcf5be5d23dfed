using SuddenDrops.Data;
using SuddenDrops.Text;

namespace SuddenDrops.Tests.Text;

public class SequencePairEncoderTests
{
    private static readonly SequencePairEncoder Encoder = new(TextTestData.Encoder);

    private static string[] Pieces(SequencePair pair) => pair.PieceIds.Select(id => TextTestData.Encoder.Vocabulary[id]).ToArray();

    [Fact]
    public void A_pair_is_cls_a_sep_b_sep_with_token_types_0_then_1()
    {
        var pair = Encoder.Encode("The cat sat.", "It purred loudly!", 128);
        Assert.Equal(["[CLS]", "the", "cat", "sat", ".", "[SEP]", "it", "pu", "##rred", "loudly", "!", "[SEP]"], Pieces(pair));
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], pair.TokenTypes);
        Assert.Equal(0, pair.Truncated);
    }

    [Fact]
    public void A_single_sentence_is_cls_a_sep_all_of_type_0()
    {
        var single = Encoder.Encode("Hello, world", null, 128);
        Assert.Equal(["[CLS]", "hello", ",", "world", "[SEP]"], Pieces(single));
        Assert.All(single.TokenTypes, t => Assert.Equal(0, t));
    }

    [Fact]
    public void Truncation_cuts_the_longer_segment_first_and_the_second_on_equal_lengths()
    {
        // a: 6 pieces, b: 2 pieces, limit 9 → 9 - 3 specials = 6 pieces left: a loses 2
        var pair = Encoder.Encode("one two three four five six", "seven eight", 9);
        Assert.Equal(["[CLS]", "one", "two", "three", "four", "[SEP]", "seven", "eight", "[SEP]"], Pieces(pair));
        Assert.Equal(2, pair.Truncated);
        // a: 3, b: 3, limit 7 → 4 left: b loses one (3 vs 3), then a (3 vs 2)
        var even = Encoder.Encode("one two three", "four five six", 7);
        Assert.Equal(["[CLS]", "one", "two", "[SEP]", "four", "five", "[SEP]"], Pieces(even));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1], even.TokenTypes);
        var single = Encoder.Encode("one two three four", null, 4);
        Assert.Equal(["[CLS]", "one", "two", "[SEP]"], Pieces(single));
    }

    [Fact]
    public void Real_mrpc_and_rte_pairs_fit_the_limit_and_switch_type_after_the_first_sep()
    {
        foreach (var task in new[] { GlueTask.Mrpc, GlueTask.Rte, GlueTask.StsB })
        {
            var dev = GlueReader.ReadSplit(task, SharedData.PathOf("glue"), GlueSplit.Dev);
            foreach (var example in dev.Take(50))
            {
                var pair = Encoder.Encode(example.TextA, example.TextB, 64);
                Assert.InRange(pair.Length, 5, 64);
                var firstSep = Array.IndexOf(pair.PieceIds, TextTestData.Encoder.Vocabulary.Sep);
                Assert.Equal(TextTestData.Encoder.Vocabulary.Sep, pair.PieceIds[^1]);
                Assert.Equal(pair.Length, pair.TokenTypes.Length);
                Assert.All(pair.TokenTypes.Take(firstSep + 1), t => Assert.Equal(0, t));
                Assert.All(pair.TokenTypes.Skip(firstSep + 1), t => Assert.Equal(1, t));
                if (pair.Truncated == 0)
                    Assert.Equal(TextTestData.Encoder.Encode(example.TextB!), pair.PieceIds[(firstSep + 1)..^1]);
            }
        }
    }
}
