using SuddenDrops.Text;

namespace SuddenDrops.Tests.Text;

public sealed class VocabularyPrunerTests : IDisposable
{
    private const int MostFrequent = 300;

    private static readonly WordPieceEncoder Original = TextTestData.Encoder;

    /// <summary>The opening of Emma (about 80 KB), line by line: a small real training text.</summary>
    private static readonly string[] Emma = File.ReadLines(SharedData.PathOf("text/gutenberg/austen-emma.txt"))
        .Take(1500)
        .ToArray();

    private static readonly Lazy<PrunedVocabulary> PrunedToCorpus =
        new(() => VocabularyPruner.Prune(Original, Emma, MostFrequent, CharacterCoverage.CorpusCharacters));

    private readonly TempFolder _temp = new("sdrops-prune-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void KeepsSpecialsFirstThenCharactersAndTheMostFrequentPieces()
    {
        var pruned = PrunedToCorpus.Value;
        var vocabulary = pruned.Vocabulary;

        Assert.Equal((0, 1, 2, 3, 4), (vocabulary.Pad, vocabulary.Unknown, vocabulary.Cls, vocabulary.Sep, vocabulary.Mask));
        var characterPieces = vocabulary.Pieces.Count(p => VocabularyPruner.CharacterOf(p) is not null);
        Assert.Equal(5 + characterPieces + MostFrequent, vocabulary.Count);
        Assert.InRange(vocabulary.Count, MostFrequent + 5, 600); // a few hundred pieces: English prose uses few characters
        Assert.Contains("the", vocabulary.Pieces);
        Assert.Contains("e", vocabulary.Pieces);
        Assert.Contains("##e", vocabulary.Pieces);
        Assert.DoesNotContain("[unused0]", vocabulary.Pieces);
        Assert.DoesNotContain("日", vocabulary.Pieces); // not in the corpus, so not kept under CorpusCharacters
    }

    [Fact]
    public void KeptMultiCharacterPiecesAreAtLeastAsFrequentAsEveryDroppedOne()
    {
        var pruned = PrunedToCorpus.Value;
        bool IsWordPiece(int id) => !pruned.Original.IsSpecial(id) && VocabularyPruner.CharacterOf(pruned.Original[id]) is null;

        var keptCounts = pruned.NewToOld.Where(IsWordPiece).Select(id => pruned.Counts[id]).ToArray();
        var kept = pruned.NewToOld.ToHashSet();
        var droppedMax = Enumerable.Range(0, pruned.Original.Count).Where(id => IsWordPiece(id) && !kept.Contains(id)).Max(id => pruned.Counts[id]);

        Assert.Equal(MostFrequent, keptCounts.Length);
        Assert.True(keptCounts.Min() >= droppedMax, $"kept minimum {keptCounts.Min()} < dropped maximum {droppedMax}");
        Assert.True(keptCounts.Min() > 0);
    }

    [Fact]
    public void EveryWordTheOriginalCoversStaysCoveredWithTheSameCharacters()
    {
        var pruned = new WordPieceEncoder(PrunedToCorpus.Value.Vocabulary);
        var words = Emma.SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray();
        Assert.True(words.Length > 1000);

        var longer = 0;
        foreach (var word in words)
        {
            var before = Original.Encode(word);
            if (before.Contains(Original.Vocabulary.Unknown)) continue;
            var after = pruned.Encode(word);
            Assert.DoesNotContain(pruned.Vocabulary.Unknown, after);
            Assert.Equal(Spell(before, Original.Vocabulary), Spell(after, pruned.Vocabulary));
            if (after.Length > before.Length) longer++;
        }
        Assert.True(longer > 0, "pruning to a few hundred pieces must split some words into more pieces");
    }

    [Fact]
    public void AllVocabularyCharactersKeepsEverySingleCharacterPieceAndItsContinuation()
    {
        var pruned = VocabularyPruner.Prune(Original.Vocabulary, PrunedToCorpus.Value.Counts, MostFrequent);
        var originalCharacterPieces = Original.Vocabulary.Pieces.Where(p => VocabularyPruner.CharacterOf(p) is not null).ToArray();

        Assert.Equal(1994, originalCharacterPieces.Length);
        Assert.Equal(5 + 1994 + MostFrequent, pruned.Vocabulary.Count);
        Assert.All(originalCharacterPieces, piece => Assert.True(pruned.Vocabulary.Contains(piece), piece));
        Assert.Equal(["日", "本", "語"], new WordPieceEncoder(pruned.Vocabulary).Encode("日本語").Select(id => pruned.Vocabulary[id]));
    }

    [Fact]
    public void IdMapsAgreeBothWaysAndDroppedPiecesAreSpelledWithKeptOnes()
    {
        var pruned = PrunedToCorpus.Value;
        var prunedEncoder = new WordPieceEncoder(pruned.Vocabulary);

        for (var id = 0; id < pruned.Vocabulary.Count; id++)
        {
            Assert.Equal(pruned.Vocabulary[id], pruned.Original[pruned.NewToOld[id]]);
            Assert.Equal([id], pruned.OldToNew[pruned.NewToOld[id]]);
        }
        Assert.Equal([pruned.Vocabulary.Unknown], pruned.OldToNew[pruned.Original.IdOf("[unused5]")]);
        Assert.Equal(["una", "##ffa", "##ble"], Original.EncodeWord("unaffable").Select(id => Original.Vocabulary[id]));

        var checkedWords = 0;
        for (var id = 0; id < pruned.Original.Count; id++)
        {
            var piece = pruned.Original[id];
            var mapped = pruned.OldToNew[id];
            if (mapped.Length == 1 && mapped[0] == pruned.Vocabulary.Unknown) continue;
            var continuation = piece.StartsWith("##", StringComparison.Ordinal);
            var spelled = (continuation ? "##" : "") + Spell(mapped, pruned.Vocabulary);
            Assert.Equal(piece, spelled);
            if (!continuation && piece.All(char.IsAsciiLetterLower))
            {
                Assert.Equal(prunedEncoder.EncodeWord(piece), mapped);
                checkedWords++;
            }
        }
        Assert.True(checkedWords > 10000, $"only {checkedWords} word-initial pieces compared with the pruned encoder");
        Assert.Equal(
            pruned.MapIds(Original.Encode("Emma")),
            Original.Encode("Emma").SelectMany(id => pruned.OldToNew[id]));
    }

    [Fact]
    public void SavedVocabularyLoadsBackAndEncodesAlike()
    {
        var pruned = PrunedToCorpus.Value;
        var path = Path.Combine(_temp.Path, "pruned", "vocab.txt");

        pruned.Save(path);
        var reloaded = WordPieceEncoder.Load(path);

        Assert.Equal(pruned.Vocabulary.Pieces, reloaded.Vocabulary.Pieces);
        Assert.Equal(pruned.Vocabulary.SpecialIds, reloaded.Vocabulary.SpecialIds);
        Assert.Equal(new WordPieceEncoder(pruned.Vocabulary).Encode(Emma[20]), reloaded.Encode(Emma[20]));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void AskingForMorePiecesThanTheCorpusUsesKeepsAllItUses()
    {
        string[] texts = ["the cat sat on the mat", "unaffable cats"];
        var counts = VocabularyPruner.CountPieces(Original, texts);

        var pruned = VocabularyPruner.Prune(Original.Vocabulary, counts, mostFrequent: 1000, CharacterCoverage.CorpusCharacters);

        var used = Enumerable.Range(0, counts.Length).Where(id => counts[id] > 0).Select(id => Original.Vocabulary[id]);
        Assert.All(used, piece => Assert.Contains(piece, pruned.Vocabulary.Pieces));
        Assert.Equal(2, counts[Original.Vocabulary.IdOf("the")]);
        Assert.Equal(1, counts[Original.Vocabulary.IdOf("##ffa")]);
        // c a t s o n h e m u f b l: 13 characters, each as itself and as ##x.
        Assert.Equal(5 + 2 * 13 + 9, pruned.Vocabulary.Count); // the cat sat on mat una ##ffa ##ble cats: 9 word pieces
    }

    [Fact]
    public void CountsMustMatchTheVocabulary()
    {
        Assert.Throws<ArgumentException>(() => VocabularyPruner.Prune(Original.Vocabulary, new long[10], MostFrequent));
        Assert.Throws<ArgumentOutOfRangeException>(() => VocabularyPruner.Prune(Original.Vocabulary, new long[Original.Vocabulary.Count], -1));
    }

    /// <summary>The characters a piece sequence spells: pieces concatenated, ## prefixes removed.</summary>
    private static string Spell(IEnumerable<int> ids, WordPieceVocabulary vocabulary)
        => string.Concat(ids.Select(id => vocabulary[id] is var p && p.StartsWith("##", StringComparison.Ordinal) ? p[2..] : p));
}
