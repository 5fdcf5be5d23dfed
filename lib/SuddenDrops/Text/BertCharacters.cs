using System.Globalization;
using System.Text;

namespace SuddenDrops.Text;

/// <summary>
/// The character classes of BERT's basic tokenizer (google-research/bert <c>tokenization.py</c>, as in
/// Hugging Face's <c>BertNormalizer</c>/<c>BertPreTokenizer</c>): what is removed, what separates words,
/// what is a punctuation piece of its own, what is a CJK ideograph.
/// </summary>
internal static class BertCharacters
{
    /// <summary>
    /// Removed before tokenisation: NUL, U+FFFD and the "other" categories (Cc, Cf, Cs, Co, Cn),
    /// except tab, newline and carriage return, which are whitespace.
    /// </summary>
    public static bool IsRemoved(Rune rune)
    {
        if (rune.Value is 0 or 0xFFFD) return true;
        if (rune.Value is '\t' or '\n' or '\r') return false;
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
    }

    /// <summary>Separates words: tab, newline, carriage return, and Unicode white space (Zs, Zl, Zp).</summary>
    public static bool IsWhitespace(Rune rune) => rune.Value is '\t' or '\n' or '\r' || Rune.IsWhiteSpace(rune);

    /// <summary>
    /// A piece of its own: every non-alphanumeric printable ASCII character (so <c>$ + &lt; = &gt; ^ ` | ~</c>
    /// count, as BERT decided "for consistency") and every Unicode punctuation category (P*).
    /// </summary>
    public static bool IsPunctuation(Rune rune)
    {
        var value = rune.Value;
        if (rune.IsAscii) return value is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126;
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    /// <summary>A CJK Unified/Compatibility ideograph, which BERT surrounds with spaces so that each is a word.</summary>
    public static bool IsCjkIdeograph(Rune rune) => rune.Value is
        >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF or >= 0x2A700 and <= 0x2B73F
        or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;
}
