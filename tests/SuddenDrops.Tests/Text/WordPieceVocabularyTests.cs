using SuddenDrops.Text;

namespace SuddenDrops.Tests.Text;

public sealed class WordPieceVocabularyTests : IDisposable
{
    private readonly TempFolder _temp = new("sdrops-vocab-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void BertUncasedHasItsKnownSizeAndSpecialIds()
    {
        var vocabulary = WordPieceVocabulary.Load(TextTestData.BertUncasedVocabulary);

        Assert.Equal(30522, vocabulary.Count);
        Assert.Equal(0, vocabulary.Pad);
        Assert.Equal(100, vocabulary.Unknown);
        Assert.Equal(101, vocabulary.Cls);
        Assert.Equal(102, vocabulary.Sep);
        Assert.Equal(103, vocabulary.Mask);
        Assert.Equal([0, 100, 101, 102, 103], vocabulary.SpecialIds);
        Assert.True(vocabulary.IsSpecial(101));
        Assert.False(vocabulary.IsSpecial(1));
    }

    [Fact]
    public void IdsAreLineNumbersBothWays()
    {
        var vocabulary = WordPieceVocabulary.Load(TextTestData.BertUncasedVocabulary);
        var lines = File.ReadAllLines(TextTestData.BertUncasedVocabulary);

        Assert.Equal("the", vocabulary[1996]);
        Assert.Equal(1996, vocabulary.IdOf("the"));
        Assert.Equal("##able", vocabulary[3085]);
        for (var id = 0; id < lines.Length; id += 997)
        {
            Assert.Equal(lines[id], vocabulary[id]);
            Assert.Equal(id, vocabulary.IdOf(lines[id]));
        }
        Assert.False(vocabulary.TryGetId("notapiece", out _));
        Assert.Throws<KeyNotFoundException>(() => vocabulary.IdOf("notapiece"));
        Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary[30522]);
    }

    [Fact]
    public void SaveThenLoadGivesTheSamePiecesAndLeavesNoTemporaryFile()
    {
        var original = WordPieceVocabulary.Load(TextTestData.BertUncasedVocabulary);
        var path = Path.Combine(_temp.Path, "vocab.txt");
        File.WriteAllText(path, "stale content that the save must replace\n");

        original.Save(path);
        var reloaded = WordPieceVocabulary.Load(path);

        Assert.Equal(original.Pieces, reloaded.Pieces);
        Assert.Equal(File.ReadAllBytes(TextTestData.BertUncasedVocabulary), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void DuplicatePieceNamesFileAndLine()
    {
        var path = WriteVocabulary("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b", "a");

        var error = Assert.Throws<VocabularyFormatException>(() => WordPieceVocabulary.Load(path));

        Assert.Equal(path, error.File);
        Assert.Equal(8, error.Line);
        Assert.Contains("line 6", error.Message);
    }

    [Fact]
    public void EmptyLineAndWhitespaceInPieceAreRejectedWithTheirLine()
    {
        var empty = WriteVocabulary("[PAD]", "[UNK]", "", "[CLS]", "[SEP]", "[MASK]");
        var spaced = WriteVocabulary("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a b");

        Assert.Equal(3, Assert.Throws<VocabularyFormatException>(() => WordPieceVocabulary.Load(empty)).Line);
        Assert.Equal(6, Assert.Throws<VocabularyFormatException>(() => WordPieceVocabulary.Load(spaced)).Line);
    }

    [Fact]
    public void MissingSpecialPieceIsNamed()
    {
        var path = WriteVocabulary("[PAD]", "[UNK]", "[CLS]", "[SEP]", "a");

        var error = Assert.Throws<VocabularyFormatException>(() => WordPieceVocabulary.Load(path));

        Assert.Equal(0, error.Line);
        Assert.Contains("[MASK]", error.Message);
    }

    [Fact]
    public void SpecialIdsAreReadFromTheFileNotAssumed()
    {
        var vocabulary = WordPieceVocabulary.FromPieces(["x", "[MASK]", "[SEP]", "[CLS]", "[UNK]", "[PAD]"]);

        Assert.Equal((5, 4, 3, 2, 1), (vocabulary.Pad, vocabulary.Unknown, vocabulary.Cls, vocabulary.Sep, vocabulary.Mask));
    }

    private string WriteVocabulary(params string[] pieces)
    {
        var path = Path.Combine(_temp.Path, $"vocab-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, string.Join("\n", pieces) + "\n");
        return path;
    }
}
