using SuddenDrops.Data;

namespace SuddenDrops.Tests.Fixtures;

/// <summary>A small plain-text corpus for tiny training runs: the words of UD EWT training sentences, a paragraph per few sentences.</summary>
internal static class EwtTextCorpus
{
    /// <summary>
    /// Writes the first <paramref name="sentences"/> sentences of <c>ud/en_ewt-ud-train.conllu</c> (words joined by spaces),
    /// <paramref name="sentencesPerParagraph"/> to a paragraph, paragraphs separated by a blank line, to
    /// <paramref name="name"/> in <paramref name="folder"/>, and returns the file's path.
    /// </summary>
    public static string Write(TempFolder folder, string name = "corpus.txt", int sentences = 800, int sentencesPerParagraph = 8)
    {
        var words = ConlluReader.Read(SharedData.PathOf("ud/en_ewt-ud-train.conllu")).Take(sentences).Select(s => string.Join(' ', s.Words)).ToList();
        return folder.Write(name, string.Join("\n\n", words.Chunk(sentencesPerParagraph).Select(chunk => string.Join(' ', chunk))));
    }
}
