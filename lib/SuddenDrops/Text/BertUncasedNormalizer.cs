using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace SuddenDrops.Text;

/// <summary>
/// bert-base-uncased text normalisation (google-research/bert <c>BasicTokenizer</c>, Hugging Face <c>BertNormalizer</c>
/// with clean_text, handle_chinese_chars, strip_accents and lowercase): remove control/format characters, turn
/// whitespace into spaces, surround CJK ideographs with spaces, decompose (NFD), drop non-spacing marks, lower-case.
/// </summary>
/// <remarks>
/// Replaces Microsoft.ML.Tokenizers 2.0.1's own <c>BertNormalizer</c>, which deletes tab/newline/carriage return
/// (joining the words around them; dotnet/machinelearning#7724), keeps format characters such as U+200B,
/// also drops spacing combining marks and recomposes (NFC) its output.
/// </remarks>
internal sealed class BertUncasedNormalizer : Normalizer
{
    public static readonly BertUncasedNormalizer Instance = new();

    public override string Normalize(string original) =>
        IsAscii(original) ? NormalizeAscii(original) : NormalizeUnicode(original);

    public override string Normalize(ReadOnlySpan<char> original) =>
        IsAscii(original) ? NormalizeAscii(original) : NormalizeUnicode(original);

    private static bool IsAscii(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('\0', '\u007F');

    /// <summary>Fast path for ASCII: A–Z lower-cased, tab/newline/CR to space, other controls removed.</summary>
    private static string NormalizeAscii(ReadOnlySpan<char> text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            foreach (var c in text)
            {
                if (c is '\t' or '\n' or '\r') buffer[length++] = ' ';
                else if (c < ' ' || c == '\u007F') continue;
                else buffer[length++] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            }
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string NormalizeUnicode(ReadOnlySpan<char> text)
    {
        // A CJK ideograph grows to 3 or 4 chars (" x "), any other kept character keeps its length.
        var cleaned = ArrayPool<char>.Shared.Rent(text.Length * 3 + 4);
        try
        {
            var length = 0;
            for (var i = 0; i < text.Length;)
            {
                var status = Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
                i += consumed;
                if (status != OperationStatus.Done || BertCharacters.IsRemoved(rune)) continue; // lone surrogates too
                if (BertCharacters.IsWhitespace(rune))
                {
                    cleaned[length++] = ' ';
                }
                else if (BertCharacters.IsCjkIdeograph(rune))
                {
                    cleaned[length++] = ' ';
                    length += rune.EncodeToUtf16(cleaned.AsSpan(length));
                    cleaned[length++] = ' ';
                }
                else
                {
                    length += rune.EncodeToUtf16(cleaned.AsSpan(length));
                }
            }
            // Accents first, then case (Hugging Face's order): "İ" decomposes to I + U+0307, which .NET's
            // invariant lower-casing would otherwise keep as "İ" (it maps U+0130 to itself).
            var decomposed = new string(cleaned, 0, length).Normalize(NormalizationForm.FormD);
            return WithoutNonSpacingMarks(decomposed).ToLowerInvariant();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(cleaned);
        }
    }

    /// <summary>Drops the non-spacing marks (Mn) that NFD split off: "café" → "cafe".</summary>
    private static string WithoutNonSpacingMarks(string decomposed)
    {
        var kept = ArrayPool<char>.Shared.Rent(decomposed.Length);
        try
        {
            var length = 0;
            foreach (var rune in decomposed.EnumerateRunes())
                if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark)
                    length += rune.EncodeToUtf16(kept.AsSpan(length));
            return length == decomposed.Length ? decomposed : new string(kept, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(kept);
        }
    }
}
