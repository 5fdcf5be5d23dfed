using SuddenDrops.Data;

namespace SuddenDrops.Parsing;

/// <summary>
/// The sentences of a corpus's paragraphs (as <see cref="TextSource.ReadParagraphs"/> gives them: the same paragraphs the MLM
/// corpus is built from), split by <see cref="SentenceSplitter.English"/>, with ids <c>p&lt;n&gt;-&lt;k&gt;</c>: sentence k of
/// paragraph n (both 1-based). This class owns that id format: <see cref="ParagraphOf"/> reads the paragraph back, so that
/// a parsed corpus can be packed paragraph by paragraph with [SEP] between paragraphs, as raw text is.
/// </summary>
public static class ParagraphSentences
{
    public static IEnumerable<RawSentence> Read(IEnumerable<string> paragraphs)
    {
        var n = 0L;
        foreach (var paragraph in paragraphs)
        {
            n++;
            var k = 0;
            foreach (var sentence in SentenceSplitter.English.Split(paragraph))
                yield return new RawSentence($"p{n}-{++k}", sentence);
        }
    }

    /// <summary>The paragraph part (<c>p&lt;n&gt;</c>) of a sentence id written by <see cref="Read"/>.</summary>
    public static string ParagraphOf(string sentenceId)
    {
        var dash = sentenceId.LastIndexOf('-');
        if (!sentenceId.StartsWith('p') || dash < 2)
            throw new FormatException($"Sentence id '{sentenceId}' is not of the form p<paragraph>-<sentence> (written by ParagraphSentences).");
        return sentenceId[..dash];
    }
}
