using SuddenDrops.Data;

namespace SuddenDrops.Parsing;

/// <summary>
/// The sentences of a raw-text file, in a fixed order (so that a resumed parse can skip the ones already done): a WikiExtractor
/// file (first non-blank line starts with <c>&lt;doc </c>) is read by <see cref="WikiExtractorSource"/> and each paragraph
/// split by <see cref="SentenceSplitter.English"/>, ids <c>&lt;doc id&gt;-&lt;k&gt;</c>; any other text file has one paragraph
/// per non-blank line, ids <c>line&lt;n&gt;-&lt;k&gt;</c>. Plain or gzipped.
/// </summary>
public static class RawTextSentences
{
    public static IEnumerable<RawSentence> Read(string path) => IsWikiExtractor(path) ? ReadWiki(path) : ReadLines(path);

    private static bool IsWikiExtractor(string path)
    {
        using var reader = TextFile.OpenText(path);
        while (reader.ReadLine() is { } line)
            if (!string.IsNullOrWhiteSpace(line))
                return line.StartsWith("<doc ", StringComparison.Ordinal);
        return false;
    }

    private static IEnumerable<RawSentence> ReadWiki(string path)
    {
        foreach (var document in new WikiExtractorSource(path).ReadDocuments())
        {
            var k = 0;
            foreach (var sentence in SentenceSplitter.English.SplitAll(document.Paragraphs))
                yield return new RawSentence($"{document.Id}-{++k}", sentence);
        }
    }

    private static IEnumerable<RawSentence> ReadLines(string path)
    {
        using var reader = TextFile.OpenText(path);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var k = 0;
            foreach (var sentence in SentenceSplitter.English.Split(line))
                yield return new RawSentence($"line{lineNumber}-{++k}", sentence);
        }
    }
}
