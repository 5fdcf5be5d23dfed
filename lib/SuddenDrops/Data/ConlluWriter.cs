namespace SuddenDrops.Data;

/// <summary>
/// Writes <see cref="DependencySentence"/>s as CoNLL-U (https://universaldependencies.org/format.html) that
/// <see cref="ConlluReader"/> reads back: <c># sent_id</c>, optionally <c># text</c>, then one line per word with
/// ID, FORM, UPOS, HEAD and DEPREL filled and the other columns "_", and a blank line after each sentence.
/// </summary>
public static class ConlluWriter
{
    /// <summary>Writes one sentence.</summary>
    /// <param name="text">The raw sentence for a <c># text</c> line, or null for none.</param>
    public static void Write(TextWriter writer, DependencySentence sentence, string? text = null)
    {
        writer.Write("# sent_id = ");
        writer.Write(OneLine(sentence.Id));
        writer.Write('\n');
        if (text is not null)
        {
            writer.Write("# text = ");
            writer.Write(OneLine(text));
            writer.Write('\n');
        }
        for (var i = 0; i < sentence.Count; i++)
        {
            var form = Form(sentence.Words[i]);
            writer.Write($"{i + 1}\t{form}\t_\t{Field(sentence.UPos[i])}\t_\t_\t{sentence.Heads[i]}\t{Field(sentence.Relations[i])}\t_\t_\n");
        }
        writer.Write('\n');
    }

    private static string OneLine(string value) => value.Replace('\n', ' ').Replace('\r', ' ');

    private static string Form(string word)
    {
        if (word.Length == 0 || word.Any(c => c is '\t' or '\n' or '\r'))
            throw new ArgumentException($"A CoNLL-U form cannot be empty or hold tabs or line breaks: '{word}'.");
        return word;
    }

    private static string Field(string value) => string.IsNullOrEmpty(value) ? "_" : value;
}
