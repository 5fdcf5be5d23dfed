using SuddenDrops.Metrics;
using SuddenDrops.Text;
using TorchSharp;

namespace SuddenDrops.Tests.Metrics;

public class UasWordAttentionTests
{
    // Two words: "playing" = 2 pieces (1, 2), "chess" = 1 piece (3). T = 5: [CLS] play ##ing chess [SEP].
    private static readonly PieceAlignment TwoWords = new([101, 2377, 2075, 7433, 102], [1, 3], [2, 1]);

    // [T, T], rows = from, columns = to; each row sums to 1.
    private static readonly float[] PieceMap =
    [
        0.1f, 0.2f, 0.3f, 0.2f, 0.2f, // [CLS]
        0.0f, 0.1f, 0.5f, 0.3f, 0.1f, // play
        0.2f, 0.3f, 0.1f, 0.2f, 0.2f, // ##ing
        0.1f, 0.4f, 0.2f, 0.1f, 0.2f, // chess
        0.5f, 0.1f, 0.1f, 0.1f, 0.2f, // [SEP]
    ];

    // [n + 2, n + 2]: TO a word = sum over its pieces, FROM a word = mean over its pieces.
    private static readonly float[] WordMap =
    [
        0.1f, 0.5f, 0.2f, 0.2f,   // [CLS]: 0.2 + 0.3 to "playing"
        0.1f, 0.5f, 0.25f, 0.15f, // "playing": mean of (0, .6, .3, .1) and (.2, .4, .2, .2)
        0.1f, 0.6f, 0.1f, 0.2f,   // "chess"
        0.5f, 0.2f, 0.1f, 0.2f,   // [SEP]
    ];

    [Fact]
    public void Merging_sums_the_pieces_attended_to_and_averages_the_pieces_attending()
    {
        var attention = WordAttention.FromPieces(PieceMap, 1, 1, TwoWords);

        Assert.Equal(2, attention.WordCount);
        Assert.Equal(4, attention.Size);
        AssertClose(WordMap, attention.Values);
    }

    [Fact]
    public void Merging_keeps_the_layer_and_head_layout()
    {
        // [2, 3, T, T]: map (l, h) is the base map times (1 + 3l + h); merging is linear, so each word map scales alike.
        var pieces = new float[2 * 3 * PieceMap.Length];
        for (var map = 0; map < 6; map++)
            for (var k = 0; k < PieceMap.Length; k++)
                pieces[map * PieceMap.Length + k] = PieceMap[k] * (1 + map);

        var attention = WordAttention.FromPieces(pieces, 2, 3, TwoWords);

        for (var l = 0; l < 2; l++)
            for (var h = 0; h < 3; h++)
                AssertClose(WordMap.Select(v => v * (1 + 3 * l + h)).ToArray(), attention.Map(l, h).ToArray());
        Assert.Equal(0.25f * 6, attention.At(1, 2, 1, 2), 1e-5f);
    }

    [Fact]
    public void Trim_drops_cls_and_sep_and_zeroes_the_diagonal()
    {
        // n = 3, one head, unit values 0…24 so every position is recognisable.
        var values = Enumerable.Range(0, 25).Select(v => (float)v).ToArray();
        var trimmed = new WordAttention(1, 1, 3, values).Trim();

        float[] expected =
        [
            0, 7, 8,
            11, 0, 13,
            16, 17, 0,
        ];
        Assert.Equal(expected, trimmed.Values);
        Assert.Equal(13f, trimmed.At(0, 0, 1, 2));
        Assert.Equal(6f, values[6]); // the source map is left as it was
    }

    [Fact]
    public void Merged_then_trimmed_map_of_a_multi_piece_sentence()
    {
        var trimmed = WordAttention.FromPieces(PieceMap, 1, 1, TwoWords).Trim();

        AssertClose([0f, 0.25f, 0.6f, 0f], trimmed.Values);
    }

    [Fact]
    public void Alignment_that_does_not_cover_the_pieces_in_order_is_rejected()
    {
        var gap = new PieceAlignment([101, 1, 2, 3, 102], [1, 3], [1, 1]); // piece 2 belongs to no word
        var error = Assert.Throws<ArgumentException>(() => WordAttention.FromPieces(PieceMap, 1, 1, gap));
        Assert.Contains("word 1 starts at piece 3", error.Message);

        Assert.Throws<ArgumentException>(() => WordAttention.FromPieces(PieceMap.AsSpan(1), 1, 1, TwoWords));
    }

    [Fact]
    public void Tensor_adapter_gives_the_same_word_attention()
    {
        using var scope = torch.NewDisposeScope();
        var pieces = new float[2 * 2 * PieceMap.Length];
        for (var map = 0; map < 4; map++)
            for (var k = 0; k < PieceMap.Length; k++)
                pieces[map * PieceMap.Length + k] = PieceMap[(k + 7 * map) % PieceMap.Length];
        var tensor = torch.tensor(pieces, [2, 2, 5, 5], torch.float64); // any float dtype is accepted

        var fromTensor = WordAttentionTensor.ToWordAttention(tensor, TwoWords);
        var fromArray = WordAttention.FromPieces(pieces, 2, 2, TwoWords);

        Assert.Equal((2, 2, 2), (fromTensor.Layers, fromTensor.Heads, fromTensor.WordCount));
        AssertClose(fromArray.Values, fromTensor.Values);
        Assert.Throws<ArgumentException>(() => WordAttentionTensor.ToWordAttention(torch.zeros(2, 2, 4, 4), TwoWords));
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) < 1e-6f, $"[{k}]: expected {expected[k]}, got {actual[k]}");
    }
}
