using System.Text;
using System.Text.RegularExpressions;

namespace SuddenDrops.Parsing;

/// <summary>
/// Splits one English sentence into UD English-EWT-style words, so that raw text can be parsed by a parser trained on EWT.
/// </summary>
/// <remarks>
/// Whitespace separates chunks; each chunk is then cut by these rules, in order:
/// <list type="number">
/// <item>Opening punctuation <c>( [ { " ' “ ‘ « $ £ € #</c> at the start of a chunk is one word each ("(the" → <c>( the</c>,
/// "$5" → <c>$ 5</c>); a chunk that is itself a clitic ('s, n't, ...) is kept.</item>
/// <item>Closing punctuation at the end is one word each: <c>, ; : ! ? ) ] } " ' ” ’ » %</c>, "..." (or "…") as one word, and a
/// final "." unless the chunk is an abbreviation: a listed one (Mr. Mrs. Ms. Dr. Prof. St. Jr. Sr. Gen. Gov. Sen. Rep. Rev.
/// Mt. Ft. etc. vs. cf. al. approx. ca. fig. vol. pp. ed. Inc. Ltd. Co. Corp. Bros. Dept., month names Jan. … Dec. and Sept.),
/// dotted letters of two or more (U.S., e.g., i.e., a.m.) or a capital initial (J.), not the pronoun "I.".
/// The possessive of a plural ("students'") thus gives <c>students '</c>, as in EWT.</item>
/// <item>What remains is kept whole when it is a URL (has "://" or starts with "www.") or an e-mail address (x@y.z).</item>
/// <item>Contractions and clitics split as in EWT (Penn Treebank style): n't goes off as its own word with the stem left as it is
/// (don't → <c>do n't</c>, can't → <c>ca n't</c>, won't → <c>wo n't</c>), and so do 's 're 'll 've 'm 'd (he's → <c>he 's</c>;
/// straight or curly apostrophe, any case); cannot → <c>can not</c>, gonna → <c>gon na</c>, wanna → <c>wan na</c>,
/// gotta → <c>got ta</c>.</item>
/// <item>Inside the word: a hyphen between letters is its own word (Al-Zaman → <c>Al - Zaman</c>) unless the part before it
/// is a single letter (e-mail, x-ray); <c>/ , : ;</c> between two characters that are not both digits are their own words
/// (and/or → <c>and / or</c>). Between digits they stay: numbers stay whole (3.5, 1,000, 10:30, 9/11, 713-853-3989).</item>
/// </list>
/// </remarks>
public static partial class EnglishTokenizer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "capt", "lt", "sgt", "gov", "sen", "rep", "rev", "hon", "mt", "ft",
        "etc", "vs", "cf", "viz", "al", "approx", "ca", "fig", "vol", "pp", "ed", "eds",
        "inc", "ltd", "co", "corp", "bros", "dept",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    private static readonly string[] Clitics = ["n't", "'s", "'re", "'ll", "'ve", "'m", "'d"];

    /// <summary>Words split in two after their first three letters.</summary>
    private static readonly HashSet<string> SplitAfterThree = new(StringComparer.OrdinalIgnoreCase) { "cannot", "gonna", "wanna", "gotta" };

    private const string Opening = "([{\"'“‘«$£€#";
    private const string Closing = ",;:!?)]}\"'”’»%";
    private const string InnerSeparators = "/,:;";

    /// <summary>The words of <paramref name="sentence"/> in order.</summary>
    public static IReadOnlyList<string> Tokenize(string sentence)
    {
        var words = new List<string>();
        foreach (var chunk in sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            TokenizeChunk(chunk, words);
        return words;
    }

    private static void TokenizeChunk(string chunk, List<string> words)
    {
        var start = 0;
        while (start < chunk.Length - 1 && Opening.Contains(chunk[start]) && !IsClitic(chunk[start..]))
            words.Add(chunk[start++].ToString());
        var core = chunk[start..];
        var closing = new Stack<string>();
        while (core.Length > 1 && !IsClitic(core) && PeelClosing(core) is { } peeled)
        {
            closing.Push(core[peeled..]);
            core = core[..peeled];
        }
        if (IsUrlOrEmail(core))
            words.Add(core);
        else
            SplitCore(core, words);
        words.AddRange(closing);
    }

    /// <summary>Where the closing punctuation at the end of <paramref name="core"/> starts, or null when there is none to peel.</summary>
    private static int? PeelClosing(string core)
    {
        if (core.EndsWith("...", StringComparison.Ordinal) && core.Length > 3) return core.Length - 3;
        if (core.EndsWith('…')) return core.Length - 1;
        var last = core[^1];
        if (Closing.Contains(last)) return core.Length - 1;
        if (last == '.' && !IsAbbreviation(core)) return core.Length - 1;
        return null;
    }

    /// <summary>"Mr.", "U.S.", "e.g.", "J." (with the final dot).</summary>
    private static bool IsAbbreviation(string word)
    {
        var stem = word[..^1];
        if (Abbreviations.Contains(stem)) return true;
        if (stem.Length == 1) return char.IsUpper(stem[0]) && stem != "I";
        return DottedLetters().IsMatch(word);
    }

    private static bool IsUrlOrEmail(string word) =>
        word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || Email().IsMatch(word);

    private static bool IsClitic(string word) =>
        Clitics.Any(c => string.Equals(Apostrophes(word), c, StringComparison.OrdinalIgnoreCase));

    private static string Apostrophes(string word) => word.Replace('’', '\'');

    private static void SplitCore(string core, List<string> words)
    {
        if (core.Length == 0) return;
        if (SplitAfterThree.Contains(core))
        {
            words.Add(core[..3]);
            words.Add(core[3..]);
            return;
        }
        var clitic = Clitics.FirstOrDefault(c => core.Length > c.Length && Apostrophes(core).EndsWith(c, StringComparison.OrdinalIgnoreCase));
        var stem = clitic is null ? core : core[..^clitic.Length];
        SplitInner(stem, words);
        if (clitic is not null) words.Add(core[^clitic.Length..]);
    }

    /// <summary>Hyphens between letters and / , : ; between non-digits become words of their own.</summary>
    private static void SplitInner(string word, List<string> words)
    {
        var part = new StringBuilder();
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var inner = i > 0 && i < word.Length - 1 && part.Length > 0;
            if (inner && c == '-' && char.IsLetter(word[i - 1]) && char.IsLetter(word[i + 1]) && part.Length > 1
                || inner && InnerSeparators.Contains(c) && !(char.IsDigit(word[i - 1]) && char.IsDigit(word[i + 1])))
            {
                words.Add(part.ToString());
                words.Add(c.ToString());
                part.Clear();
            }
            else
                part.Append(c);
        }
        if (part.Length > 0) words.Add(part.ToString());
    }

    [GeneratedRegex(@"^(\p{L}\.){2,}$")]
    private static partial Regex DottedLetters();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
