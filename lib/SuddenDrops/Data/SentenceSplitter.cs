namespace SuddenDrops.Data;

/// <summary>
/// A rule-based sentence splitter for raw English text (Wikipedia paragraphs, book paragraphs).
/// Sentences never cross the boundary of the text given to <see cref="Split"/> (one paragraph).
/// </summary>
/// <remarks>
/// A sentence ends after a run of terminators <c>. ! ?</c> (e.g. <c>?!</c>, <c>...</c>), together with any closing
/// quotes or brackets right after them (<c>" ' ” ’ ) ]</c>), when all of these hold:
/// <list type="number">
/// <item>whitespace follows, and after the whitespace comes an uppercase letter, a digit, or an opening quote or
/// bracket (<c>" ' “ ‘ ( [</c>); a lowercase continuation never starts a new sentence;</item>
/// <item>if the run is a single <c>.</c>, the word it ends is not an abbreviation: not in the abbreviation list
/// (titles Mr. Mrs. Ms. Dr. Prof. St. Jr. Sr. Gen. Col. Capt. Lt. Sgt. Gov. Sen. Rep. Rev. Hon. Mt. Ft.;
/// Latin and scholarly e.g. i.e. etc. cf. vs. viz. al. approx. ca. fig. vol. pp. ed. eds.; business Inc. Ltd. Co. Corp. Bros. Dept.;
/// months Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.; compared case-insensitively), and not
/// letters each followed by a dot: single uppercase initials ("J.", "J. R. R.") and dotted acronyms of two or more
/// letters in any case (U.S., U.K., e.g., i.e., a.m., p.m.); the pronoun "I." and a lowercase single letter do end
/// sentences;</item>
/// <item>decimals (3.14) and dotted names (example.com) never split, since no whitespace follows their dot.</item>
/// </list>
/// Known misses, accepted for simplicity: a sentence that really ends with an abbreviation or an initialism
/// ("... in the U.S. The ...", "... and so on, etc. Then ...") is joined to the next one; "No. 5" splits
/// after "No." (No is a word far more often than an abbreviation). The whitespace between sentences is dropped.
/// </remarks>
public sealed class SentenceSplitter
{
    private static readonly string[] EnglishAbbreviations =
    [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "capt", "lt", "sgt", "gov", "sen", "rep", "rev", "hon", "mt", "ft",
        "e.g", "i.e", "etc", "cf", "vs", "viz", "al", "approx", "ca", "fig", "vol", "pp", "ed", "eds",
        "inc", "ltd", "co", "corp", "bros", "dept",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    private readonly HashSet<string> _abbreviations;

    /// <param name="abbreviations">Words (without their final dot) after which a single dot never ends a sentence.</param>
    public SentenceSplitter(IEnumerable<string> abbreviations)
    {
        _abbreviations = new HashSet<string>(abbreviations, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The splitter with the English abbreviation list documented on this type.</summary>
    public static SentenceSplitter English { get; } = new(EnglishAbbreviations);

    /// <summary>The sentences of <paramref name="text"/>, trimmed, in order; empty text gives none.</summary>
    public IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTerminator(text[i]))
            {
                i++;
                continue;
            }
            var runStart = i;
            while (i < text.Length && IsTerminator(text[i]))
                i++;
            var runEnd = i;
            while (i < text.Length && IsClosing(text[i]))
                i++;
            var sentenceEnd = i;
            if (StartsNewSentence(text, sentenceEnd) && !EndsInAbbreviation(text, start, runStart, runEnd))
            {
                AddTrimmed(sentences, text, start, sentenceEnd);
                start = sentenceEnd;
            }
        }
        AddTrimmed(sentences, text, start, text.Length);
        return sentences;
    }

    /// <summary>The sentences of every paragraph, streamed.</summary>
    public IEnumerable<string> SplitAll(IEnumerable<string> paragraphs) => paragraphs.SelectMany(Split);

    private static bool IsTerminator(char c) => c is '.' or '!' or '?';

    private static bool IsClosing(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']';

    private static bool IsOpening(char c) => c is '"' or '\'' or '\u201C' or '\u2018' or '(' or '[';

    /// <summary>Whitespace, then an uppercase letter, a digit or an opening quote or bracket.</summary>
    private static bool StartsNewSentence(string text, int position)
    {
        if (position >= text.Length || !char.IsWhiteSpace(text[position]))
            return false;
        while (position < text.Length && char.IsWhiteSpace(text[position]))
            position++;
        if (position >= text.Length)
            return false;
        var next = text[position];
        return char.IsUpper(next) || char.IsDigit(next) || IsOpening(next);
    }

    /// <summary>True when a single dot ends an abbreviation or a run of dotted letters (initials, U.S., e.g.).</summary>
    private bool EndsInAbbreviation(string text, int sentenceStart, int runStart, int runEnd)
    {
        if (runEnd - runStart != 1 || text[runStart] != '.')
            return false;
        var wordStart = runStart;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]))
            wordStart--;
        while (wordStart < runStart && IsOpening(text[wordStart]))
            wordStart++;
        var word = text[wordStart..runStart];
        if (word.Length == 0)
            return false;
        return _abbreviations.Contains(word) || IsDottedLetters(word);
    }

    /// <summary>
    /// "J", "U.S", "e.g", "a.m": letters each followed by a dot (the last dot is the terminator). A single letter counts
    /// only when uppercase (an initial), and not the pronoun "I".
    /// </summary>
    private static bool IsDottedLetters(string word)
    {
        if (word.Length == 1 && (!char.IsUpper(word[0]) || word == "I"))
            return false;
        for (var k = 0; k < word.Length; k++)
        {
            var expectLetter = k % 2 == 0;
            if (expectLetter ? !char.IsLetter(word[k]) : word[k] != '.')
                return false;
        }
        return word.Length % 2 == 1;
    }

    private static void AddTrimmed(List<string> sentences, string text, int start, int end)
    {
        var sentence = text.AsSpan(start, end - start).Trim();
        if (sentence.Length > 0)
            sentences.Add(sentence.ToString());
    }
}
