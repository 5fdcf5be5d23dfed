namespace SuddenDrops.Data;

/// <summary>
/// Streams the sentences of a CoNLL-U file (https://universaldependencies.org/format.html) as
/// <see cref="DependencySentence"/> records, one at a time, never holding the whole treebank.
/// </summary>
/// <remarks>
/// <para>Kept: the syntactic words (integer IDs) with FORM, UPOS, HEAD and DEPREL.
/// Skipped: multiword-token surface lines (IDs like <c>3-4</c>; their parts follow as words) and
/// empty nodes of the enhanced graph (IDs like <c>5.1</c>). The sentence id comes from <c># sent_id = ...</c>.</para>
/// <para>Validated, failing with a <see cref="ConlluFormatException"/> that names file and line:
/// every token line has 10 tab-separated columns; word IDs are integers counting 1, 2, 3, ... in order
/// (a multiword range must start at the next word); HEAD is an integer in [0, n] for a sentence of n words;
/// exactly one word has HEAD 0; following heads from any word reaches the root (no cycles).</para>
/// </remarks>
public static class ConlluReader
{
    /// <summary>Reads a <c>.conllu</c> or <c>.conllu.gz</c> file lazily; the file stays open while enumerating.</summary>
    public static IEnumerable<DependencySentence> Read(string path)
    {
        using var reader = TextFile.OpenText(path);
        foreach (var sentence in Read(reader, path))
            yield return sentence;
    }

    /// <summary>Reads CoNLL-U text; <paramref name="fileName"/> is only used in ids and error messages.</summary>
    public static IEnumerable<DependencySentence> Read(TextReader reader, string fileName)
    {
        var sentence = new ConlluSentenceBuilder(fileName);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                if (sentence.HasLines)
                    yield return sentence.BuildAndReset();
            }
            else if (line[0] == '#')
                sentence.AddComment(line, lineNumber);
            else
                sentence.AddTokenLine(line, lineNumber);
        }
        if (sentence.HasLines)
            yield return sentence.BuildAndReset();
    }
}
