namespace SuddenDrops.Data;

/// <summary>
/// Wikipedia text in WikiExtractor's output format (https://github.com/attardi/wikiextractor), plain or gzipped:
/// <code>
/// &lt;doc id="12" url="?curid=12" title="Anarchism"&gt;
/// Anarchism
///
/// Anarchism is a political philosophy ...
/// History.
/// ...
/// &lt;/doc&gt;
/// </code>
/// The first line inside each <c>&lt;doc&gt;</c> is the article title and is dropped; every other non-blank line
/// is one paragraph (section headings such as <c>History.</c> are lines too and come out as short paragraphs).
/// Text outside a document, a document inside a document, or a missing <c>&lt;/doc&gt;</c> is a
/// <see cref="DataFormatException"/> naming file and line.
/// </summary>
public sealed class WikiExtractorSource(string path) : TextSource
{
    private const string DocOpen = "<doc ";
    private const string DocClose = "</doc>";

    public override string Name => path;

    public override IEnumerable<TextDocument> ReadDocuments()
    {
        using var reader = TextFile.OpenText(path);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (!line.StartsWith(DocOpen, StringComparison.Ordinal))
                throw new DataFormatException(path, lineNumber, "text outside a <doc ...> element");
            var openLine = lineNumber;
            var (id, title) = ParseDocHeader(line, openLine);
            var paragraphs = new List<string>();
            var titleLineSeen = false;
            var closed = false;
            while (reader.ReadLine() is { } inner)
            {
                lineNumber++;
                if (inner == DocClose)
                {
                    closed = true;
                    break;
                }
                if (inner.StartsWith(DocOpen, StringComparison.Ordinal))
                    throw new DataFormatException(path, lineNumber, $"<doc> opened before the <doc> of line {openLine} was closed");
                if (!titleLineSeen)
                {
                    titleLineSeen = true;
                    continue;
                }
                var paragraph = inner.Trim();
                if (paragraph.Length > 0)
                    paragraphs.Add(paragraph);
            }
            if (!closed)
                throw new DataFormatException(path, openLine, "<doc> is never closed by </doc>");
            yield return new TextDocument(id, title, paragraphs);
        }
    }

    /// <summary>Reads <c>id</c> and <c>title</c> of <c>&lt;doc id=".." url=".." title=".."&gt;</c>; the title may itself contain quotes.</summary>
    private (string Id, string Title) ParseDocHeader(string line, int lineNumber)
    {
        const string idKey = "id=\"", titleKey = "title=\"";
        var idStart = line.IndexOf(idKey, StringComparison.Ordinal);
        var titleStart = line.IndexOf(titleKey, StringComparison.Ordinal);
        var end = line.LastIndexOf("\">", StringComparison.Ordinal);
        if (idStart < 0 || titleStart < 0 || end < titleStart + titleKey.Length)
            throw new DataFormatException(path, lineNumber, "expected <doc id=\"..\" url=\"..\" title=\"..\">");
        idStart += idKey.Length;
        var idEnd = line.IndexOf('"', idStart);
        titleStart += titleKey.Length;
        return (line[idStart..idEnd], line[titleStart..end]);
    }
}
