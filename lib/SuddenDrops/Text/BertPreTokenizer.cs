using System.Text;
using Microsoft.ML.Tokenizers;

namespace SuddenDrops.Text;

/// <summary>
/// BERT's basic split of normalised text (google-research/bert <c>BasicTokenizer</c>, Hugging Face <c>BertPreTokenizer</c>):
/// whitespace separates words and every punctuation character (see <see cref="BertCharacters.IsPunctuation"/>)
/// is a word of its own; all other characters, symbols such as € ° © included, stay in their word.
/// </summary>
/// <remarks>
/// Replaces Microsoft.ML.Tokenizers 2.0.1's <c>\w+|\p{P}</c> pre-tokenizer, which silently deletes every symbol
/// character ($ + = &lt; &gt; | ~ ^ ` ° © € emoji; dotnet/machinelearning#7725) and keeps "_" inside words.
/// </remarks>
internal sealed class BertPreTokenizer : PreTokenizer
{
    public static readonly BertPreTokenizer Instance = new();

    private enum CharacterKind : byte { Word, Whitespace, Punctuation }

    /// <summary>The kind of each ASCII character, from <see cref="BertCharacters"/>.</summary>
    private static readonly CharacterKind[] AsciiKinds = Enumerable.Range(0, 128)
        .Select(c => BertCharacters.IsWhitespace(new Rune(c)) ? CharacterKind.Whitespace
            : BertCharacters.IsPunctuation(new Rune(c)) ? CharacterKind.Punctuation
            : CharacterKind.Word)
        .ToArray();

    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) => Split(text);

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) => Split(text);

    private static List<(int Offset, int Length)> Split(ReadOnlySpan<char> text)
    {
        var words = new List<(int Offset, int Length)>();
        var wordStart = -1;
        for (var i = 0; i < text.Length;)
        {
            var consumed = 1;
            bool separates, punctuation;
            if (char.IsAscii(text[i]))
            {
                var kind = AsciiKinds[text[i]];
                separates = kind == CharacterKind.Whitespace;
                punctuation = kind == CharacterKind.Punctuation;
            }
            else
            {
                Rune.DecodeFromUtf16(text[i..], out var rune, out consumed);
                separates = BertCharacters.IsWhitespace(rune);
                punctuation = !separates && BertCharacters.IsPunctuation(rune);
            }
            if (separates || punctuation)
            {
                if (wordStart >= 0) words.Add((wordStart, i - wordStart));
                wordStart = -1;
                if (punctuation) words.Add((i, consumed));
            }
            else if (wordStart < 0)
            {
                wordStart = i;
            }
            i += consumed;
        }
        if (wordStart >= 0) words.Add((wordStart, text.Length - wordStart));
        return words;
    }
}
