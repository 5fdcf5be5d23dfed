using System.Text;

namespace SuddenDrops.Data;

/// <summary>
/// Plain-text books as in NLTK's Project Gutenberg selection (one book per <c>.txt</c> or <c>.txt.gz</c> file).
/// Paragraphs are separated by blank lines; the wrapped lines of a paragraph are trimmed and joined by one space.
/// A first line in brackets, such as <c>[Emma by Jane Austen 1816]</c>, is the book's title and is dropped.
/// The files are read as Latin-1 by default, as NLTK does (all are ASCII except one <c>æ</c> in Julius Caesar).
/// </summary>
public sealed class GutenbergSource : TextSource
{
    private readonly IReadOnlyList<string> _files;
    private readonly Encoding _encoding;

    /// <param name="files">Book files, read in the order given.</param>
    /// <param name="encoding">Text encoding; Latin-1 when null.</param>
    public GutenbergSource(IEnumerable<string> files, Encoding? encoding = null)
    {
        _files = [.. files];
        _encoding = encoding ?? Encoding.Latin1;
    }

    /// <summary>Every <c>*.txt</c> and <c>*.txt.gz</c> file of <paramref name="folder"/>, in ordinal name order.</summary>
    public static GutenbergSource FromFolder(string folder, Encoding? encoding = null)
    {
        var books = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".txt.gz", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        return new GutenbergSource(books, encoding);
    }

    public override string Name => _files.Count == 1 ? _files[0] : $"{_files.Count} Gutenberg books";

    /// <summary>The book files this source reads.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>One document per book; a whole book's paragraphs are held at once (the largest, the KJV Bible, is 4 MB).</summary>
    public override IEnumerable<TextDocument> ReadDocuments()
    {
        foreach (var file in _files)
        {
            string? title = null;
            var paragraphs = ReadBook(file, t => title = t).ToList();
            yield return new TextDocument(BookId(file), title ?? BookId(file), paragraphs);
        }
    }

    /// <summary>Paragraphs of all books, streamed line by line.</summary>
    public override IEnumerable<string> ReadParagraphs() => _files.SelectMany(file => ReadBook(file, _ => { }));

    private IEnumerable<string> ReadBook(string file, Action<string> onTitle)
    {
        using var reader = TextFile.OpenText(file, _encoding);
        var paragraph = new StringBuilder();
        var firstLine = true;
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (firstLine && text.Length > 0)
            {
                firstLine = false;
                if (text.StartsWith('[') && text.EndsWith(']'))
                {
                    onTitle(text[1..^1].Trim());
                    continue;
                }
            }
            if (text.Length == 0)
            {
                if (paragraph.Length > 0)
                {
                    yield return paragraph.ToString();
                    paragraph.Clear();
                }
                continue;
            }
            if (paragraph.Length > 0)
                paragraph.Append(' ');
            paragraph.Append(text);
        }
        if (paragraph.Length > 0)
            yield return paragraph.ToString();
    }

    private static string BookId(string file)
    {
        var name = Path.GetFileName(file);
        return name.EndsWith(".gz", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(name[..^3]) : Path.GetFileNameWithoutExtension(name);
    }
}
