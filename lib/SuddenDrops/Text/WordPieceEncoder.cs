using Microsoft.ML.Tokenizers;

namespace SuddenDrops.Text;

/// <summary>
/// Text to WordPiece ids as bert-base-uncased does it (Devlin et al. 2019, §3 and the google-research/bert
/// tokenizer): clean control characters, split CJK characters, lower-case, strip accents (NFD, drop
/// non-spacing marks), split on whitespace and punctuation, then greedy longest-match WordPiece with
/// <c>##</c> continuations; a word longer than 100 characters or with a character the vocabulary lacks
/// becomes one [UNK]. Built on Microsoft.ML.Tokenizers' <see cref="BertTokenizer"/> (vocabulary, WordPiece),
/// with BERT's own normalisation and split (<see cref="BertUncasedNormalizer"/>, <see cref="BertPreTokenizer"/>)
/// in place of the package's, which in 2.0.1 delete symbols ($ + = &lt; &gt; € ° ©, emoji) and join words
/// around newlines and tabs (dotnet/machinelearning#7725, #7724).
/// Special pieces written in the text ("[MASK]") are not recognised: they are tokenised as ordinary text,
/// so raw corpora cannot inject special ids.
/// </summary>
/// <remarks>The encoder keeps no mutable state of its own.</remarks>
public sealed class WordPieceEncoder
{
    private readonly BertTokenizer _tokenizer;

    public WordPieceEncoder(WordPieceVocabulary vocabulary)
    {
        Vocabulary = vocabulary;
        using var vocabularyFile = new MemoryStream(vocabulary.ToFileBytes(), writable: false);
        _tokenizer = BertTokenizer.Create(vocabularyFile, BertUncasedOptions());
    }

    public WordPieceVocabulary Vocabulary { get; }

    /// <summary>Loads the vocab.txt at <paramref name="vocabularyPath"/> and builds its encoder.</summary>
    public static WordPieceEncoder Load(string vocabularyPath) => new(WordPieceVocabulary.Load(vocabularyPath));

    /// <summary>The piece ids of a raw text, without [CLS]/[SEP].</summary>
    public int[] Encode(string text) => [.. _tokenizer.EncodeToIds(text, addSpecialTokens: false)];

    /// <summary>Appends the piece ids of a raw text (without [CLS]/[SEP]) to <paramref name="ids"/>; returns how many were added.</summary>
    public int Encode(string text, List<int> ids)
    {
        var encoded = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        ids.AddRange(encoded);
        return encoded.Count;
    }

    /// <summary>
    /// The pieces of one word tokenised on its own; never empty: a word that yields no piece
    /// (empty, whitespace only, only dropped characters) is one [UNK]. A word the basic tokenizer splits
    /// further ("n't" gives n ' t) keeps all its pieces.
    /// </summary>
    public int[] EncodeWord(string word)
    {
        var encoded = _tokenizer.EncodeToIds(word, addSpecialTokens: false);
        return encoded.Count == 0 ? [Vocabulary.Unknown] : [.. encoded];
    }

    /// <summary>
    /// Encodes a sentence given as words (e.g. treebank words) as <c>[CLS] pieces(word 1) … pieces(word n) [SEP]</c>,
    /// each word tokenised on its own with <see cref="EncodeWord"/>, and records each word's span of pieces.
    /// </summary>
    /// <param name="words">The words of the sentence, in order (may be empty).</param>
    /// <param name="maxPieces">Most pieces allowed, [CLS] and [SEP] included (≥ 2).</param>
    /// <returns>The alignment, or null when the sentence needs more than <paramref name="maxPieces"/> pieces.</returns>
    public PieceAlignment? Align(IReadOnlyList<string> words, int maxPieces)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPieces, 2);
        var ids = new List<int>(words.Count + 2) { Vocabulary.Cls };
        var wordStart = new int[words.Count];
        var wordLength = new int[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            var pieces = EncodeWord(words[w]);
            wordStart[w] = ids.Count;
            wordLength[w] = pieces.Length;
            ids.AddRange(pieces);
            if (ids.Count + 1 > maxPieces) return null;
        }
        ids.Add(Vocabulary.Sep);
        return new PieceAlignment([.. ids], wordStart, wordLength);
    }

    /// <summary>bert-base-uncased: lower-case, strip accents, split CJK, basic tokenisation; specials in text are plain text.</summary>
    private static BertOptions BertUncasedOptions() => new()
    {
        Normalizer = BertUncasedNormalizer.Instance,
        PreTokenizer = BertPreTokenizer.Instance,
        LowerCaseBeforeTokenization = true,
        RemoveNonSpacingMarks = true,
        IndividuallyTokenizeCjk = true,
        ApplyBasicTokenization = true,
        SplitOnSpecialTokens = false,
        UnknownToken = WordPieceVocabulary.UnknownPiece,
        ClassificationToken = WordPieceVocabulary.ClsPiece,
        SeparatorToken = WordPieceVocabulary.SepPiece,
        PaddingToken = WordPieceVocabulary.PadPiece,
        MaskingToken = WordPieceVocabulary.MaskPiece,
        ContinuingSubwordPrefix = WordPieceVocabulary.ContinuationPrefix,
        MaxInputCharsPerWord = 100,
    };
}
