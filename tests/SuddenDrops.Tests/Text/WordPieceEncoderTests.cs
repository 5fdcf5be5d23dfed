using SuddenDrops.Text;

namespace SuddenDrops.Tests.Text;

public sealed class WordPieceEncoderTests
{
    private static readonly WordPieceEncoder Encoder = TextTestData.Encoder;

    private static string[] Pieces(IEnumerable<int> ids) => ids.Select(id => Encoder.Vocabulary[id]).ToArray();

    [Fact]
    public void RawTextIsLowerCasedAccentStrippedAndSplitOnPunctuation()
    {
        Assert.Equal(["hello", "how", "are", "u", "?"], Pieces(Encoder.Encode("Héllò hôw are ü?")));
        Assert.Equal(["naive", "cafe"], Pieces(Encoder.Encode("NAÏVE Café")));
        Assert.Equal(["u", ".", "s", "."], Pieces(Encoder.Encode("U.S.")));
        Assert.Equal(["istanbul", "ecole"], Pieces(Encoder.Encode("İstanbul ÉCOLE"))); // İ = I + dot above
    }

    [Fact]
    public void AsciiSymbolsArePunctuationPiecesAsInBert()
    {
        // Microsoft.ML.Tokenizers 2.0.1 alone deletes these (dotnet/machinelearning#7725); BERT splits them off.
        Assert.Equal(["$", "5"], Pieces(Encoder.Encode("$5")));
        Assert.Equal(["1", "+", "1", "=", "2"], Pieces(Encoder.Encode("1+1=2")));
        Assert.Equal(["<", "html", ">", "a", "|", "b", "~", "x", "^", "2", "`"], Pieces(Encoder.Encode("<html> a|b ~x^2`")));
        Assert.Equal(["a", "_", "b"], Pieces(Encoder.Encode("a_b")));
    }

    [Fact]
    public void NonAsciiSymbolsStayInTheirWord()
    {
        Assert.Equal(["°c"], Pieces(Encoder.Encode("°C")));
        Assert.Equal(["€", "##5"], Pieces(Encoder.Encode("€5")));
        Assert.Equal(["[UNK]"], Pieces(Encoder.Encode("hi😀")));
    }

    [Fact]
    public void TabsAndNewlinesSeparateWordsAndFormatCharactersVanish()
    {
        // ML.Tokenizers 2.0.1's normaliser deletes \t \n \r, joining the words (dotnet/machinelearning#7724).
        Assert.Equal(["one", "line", "note", "book", "x"], Pieces(Encoder.Encode("one\nline\rnote\tbook\u00a0x")));
        Assert.Equal(["inside"], Pieces(Encoder.Encode("in\u200bside")));
        Assert.Equal(["ab"], Pieces(Encoder.Encode("a\u0000b")));
    }

    [Fact]
    public void EncodeWithoutSpecialPiecesEvenWhenTheTextSpellsThem()
    {
        var ids = Encoder.Encode("[MASK] [CLS]");

        Assert.DoesNotContain(ids, Encoder.Vocabulary.IsSpecial);
        Assert.Equal(["[", "mask", "]", "[", "cl", "##s", "]"], Pieces(ids));
    }

    [Fact]
    public void EncodeIntoListAppendsAndReturnsTheCount()
    {
        var ids = new List<int> { 7 };

        var added = Encoder.Encode("unaffable people", ids);

        Assert.Equal(4, added);
        Assert.Equal([7, .. Encoder.Encode("unaffable people")], ids);
    }

    [Fact]
    public void WordsSplitIntoWordPiecesByGreedyLongestMatch()
    {
        // bert-base-uncased's real vocabulary splits it as una ##ffa ##ble (the README's un ##aff ##able used another vocabulary).
        Assert.Equal(["una", "##ffa", "##ble"], Pieces(Encoder.EncodeWord("unaffable")));
        Assert.Equal(["em", "##bed", "##ding", "##s"], Pieces(Encoder.EncodeWord("Embeddings")));
        Assert.Equal(["token", "##ization"], Pieces(Encoder.EncodeWord("tokenization")));
        Assert.Equal(["the"], Pieces(Encoder.EncodeWord("The")));
    }

    [Fact]
    public void WordsTheBasicTokenizerSplitsKeepAllTheirPieces()
    {
        Assert.Equal(["n", "'", "t"], Pieces(Encoder.EncodeWord("n't")));
        Assert.Equal(["don", "'", "t"], Pieces(Encoder.EncodeWord("don't")));
        Assert.Equal([".", ".", "."], Pieces(Encoder.EncodeWord("...")));
        Assert.Equal(["new", "york"], Pieces(Encoder.EncodeWord("New York")));
    }

    [Fact]
    public void WordsWithoutPiecesOrWithUnknownCharactersBecomeOneUnknown()
    {
        int[] unknown = [Encoder.Vocabulary.Unknown];

        Assert.Equal(unknown, Encoder.EncodeWord(""));
        Assert.Equal(unknown, Encoder.EncodeWord("   "));
        Assert.Equal(unknown, Encoder.EncodeWord("\u200b")); // zero-width space: removed as a format character
        Assert.Equal(unknown, Encoder.EncodeWord("\u0007")); // a control character: removed
        Assert.Equal(unknown, Encoder.EncodeWord("😀"));     // not in the vocabulary
        Assert.Equal(unknown, Encoder.EncodeWord("aᚠb"));    // runic ᚠ is not in the vocabulary: the whole word is [UNK]
        Assert.Equal(unknown, Encoder.EncodeWord(new string('a', 101))); // longer than 100 characters
    }

    [Fact]
    public void AlignPutsEachWordsPiecesBetweenClsAndSep()
    {
        string[] words = ["I", "do", "n't", "like", "unaffable", "people", "."];

        var alignment = Encoder.Align(words, maxPieces: 64)!;

        Assert.Equal(
            ["[CLS]", "i", "do", "n", "'", "t", "like", "una", "##ffa", "##ble", "people", ".", "[SEP]"],
            Pieces(alignment.PieceIds));
        Assert.Equal([1, 2, 3, 6, 7, 10, 11], alignment.WordStart);
        Assert.Equal([1, 1, 3, 1, 3, 1, 1], alignment.WordLength);
        Assert.Equal(7, alignment.WordCount);
        Assert.Equal(13, alignment.PieceCount);
        Assert.Equal([-1, 0, 1, 2, 2, 2, 3, 4, 4, 4, 5, 6, -1], alignment.WordOfPiece());
    }

    [Fact]
    public void AlignGivesUnknownWordsOnePieceAndKeepsTheirPlace()
    {
        var alignment = Encoder.Align(["a", "", "😀", "b"], maxPieces: 64)!;

        Assert.Equal(["[CLS]", "a", "[UNK]", "[UNK]", "b", "[SEP]"], Pieces(alignment.PieceIds));
        Assert.Equal([1, 2, 3, 4], alignment.WordStart);
        Assert.Equal([1, 1, 1, 1], alignment.WordLength);
    }

    [Fact]
    public void AlignReturnsNullWhenClsPiecesAndSepExceedTheLimit()
    {
        string[] words = ["I", "do", "n't", "like", "unaffable", "people", "."]; // 11 pieces + [CLS] + [SEP]

        Assert.NotNull(Encoder.Align(words, maxPieces: 13));
        Assert.Null(Encoder.Align(words, maxPieces: 12));
        Assert.Null(Encoder.Align(["a"], maxPieces: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Encoder.Align(words, maxPieces: 1));
    }

    [Fact]
    public void AlignOfNoWordsIsClsSep()
    {
        var alignment = Encoder.Align([], maxPieces: 2)!;

        Assert.Equal([Encoder.Vocabulary.Cls, Encoder.Vocabulary.Sep], alignment.PieceIds);
        Assert.Empty(alignment.WordStart);
        Assert.Empty(alignment.WordLength);
    }

    [Fact]
    public void AlignedPiecesOfOrdinaryWordsEqualEncodingTheJoinedSentence()
    {
        string[] words = ["The", "Zürich", "conference", "wasn't", "re-scheduled", ",", "said", "Dr.", "O'Neill", "(", "2019", ")", "."];

        var alignment = Encoder.Align(words, maxPieces: 512)!;

        Assert.Equal(Encoder.Encode(string.Join(" ", words)), alignment.PieceIds[1..^1]);
        AssertSpansTileThePieces(alignment, Encoder.Vocabulary);
    }

    [Fact]
    public void EveryWordOfEwtDevGetsAtLeastOnePiece()
    {
        var sentences = ReadEwtForms(SharedData.PathOf("ud/en_ewt-ud-dev.conllu"));
        Assert.Equal(2001, sentences.Count);
        Assert.Equal(25147, sentences.Sum(s => s.Length));

        var unknownWords = 0;
        foreach (var words in sentences)
        {
            var alignment = Encoder.Align(words, maxPieces: int.MaxValue)!;
            Assert.Equal(words.Length, alignment.WordCount);
            AssertSpansTileThePieces(alignment, Encoder.Vocabulary);
            for (var w = 0; w < words.Length; w++)
                if (alignment.WordLength[w] == 1 && alignment.PieceIds[alignment.WordStart[w]] == Encoder.Vocabulary.Unknown)
                    unknownWords++;
        }
        // Web text with emoji and rare symbols: a handful of [UNK] words, far from a broken tokenizer.
        Assert.InRange(unknownWords, 0, 25147 / 200);
    }

    /// <summary>[CLS] first, [SEP] last, each word ≥ 1 piece, spans consecutive and covering every piece in between.</summary>
    private static void AssertSpansTileThePieces(PieceAlignment alignment, WordPieceVocabulary vocabulary)
    {
        Assert.Equal(vocabulary.Cls, alignment.PieceIds[0]);
        Assert.Equal(vocabulary.Sep, alignment.PieceIds[^1]);
        Assert.Equal(alignment.WordStart.Length, alignment.WordLength.Length);
        var next = 1;
        for (var w = 0; w < alignment.WordCount; w++)
        {
            Assert.Equal(next, alignment.WordStart[w]);
            Assert.True(alignment.WordLength[w] >= 1, $"word {w} has {alignment.WordLength[w]} pieces");
            next += alignment.WordLength[w];
        }
        Assert.Equal(alignment.PieceCount - 1, next);
        Assert.DoesNotContain(alignment.PieceIds[1..^1], id => id == vocabulary.Cls || id == vocabulary.Sep || id == vocabulary.Pad);
    }

    /// <summary>
    /// Minimal CoNLL-U reading for this test only: the FORM column of syntactic word lines
    /// (integer ID; multiword-token ranges "1-2" and empty nodes "1.1" skipped), sentences split at blank lines.
    /// </summary>
    private static List<string[]> ReadEwtForms(string path)
    {
        var sentences = new List<string[]>();
        var words = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (words.Count > 0) sentences.Add([.. words]);
                words.Clear();
                continue;
            }
            if (line[0] == '#') continue;
            var columns = line.Split('\t');
            if (int.TryParse(columns[0], out _)) words.Add(columns[1]);
        }
        if (words.Count > 0) sentences.Add([.. words]);
        return sentences;
    }
}
