using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

public sealed class GutenbergSourceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Joins_wrapped_lines_and_splits_on_blank_lines_dropping_the_bracketed_title()
    {
        var path = _temp.Write("book.txt",
            "[A Book by Someone 1900]\r\n\r\nCHAPTER I\r\n\r\n\r\nIt was a dark\r\n  and stormy night;   \r\nthe rain fell.\r\n \r\nThe end.");

        var source = new GutenbergSource([path]);
        var document = Assert.Single(source.ReadDocuments());

        Assert.Equal(("book", "A Book by Someone 1900"), (document.Id, document.Title));
        Assert.Equal(["CHAPTER I", "It was a dark and stormy night; the rain fell.", "The end."], document.Paragraphs);
        Assert.Equal(document.Paragraphs, source.ReadParagraphs());
    }

    [Fact]
    public void A_book_without_bracketed_title_keeps_its_first_paragraph_and_is_named_by_file()
    {
        var path = _temp.Write("plain.txt", "Call me Ishmael.\nSome years ago.\n");

        var document = Assert.Single(new GutenbergSource([path]).ReadDocuments());

        Assert.Equal(("plain", "plain"), (document.Id, document.Title));
        Assert.Equal(["Call me Ishmael. Some years ago."], document.Paragraphs);
    }

    /// <summary>Paragraph counts computed independently with a Python script (Latin-1, same rules).</summary>
    [Fact]
    public void Reads_the_18_shared_books()
    {
        var source = GutenbergSource.FromFolder(SharedData.PathOf("text/gutenberg"));

        var documents = source.ReadDocuments().ToDictionary(d => d.Id);

        Assert.Equal(18, documents.Count);
        Assert.Equal(47_869, documents.Values.Sum(d => d.Paragraphs.Count));
        Assert.Equal(47_869, source.ReadParagraphs().Count());
        var emma = documents["austen-emma"];
        Assert.Equal("Emma by Jane Austen 1816", emma.Title);
        Assert.Equal(2_370, emma.Paragraphs.Count);
        Assert.Equal(["VOLUME I", "CHAPTER I"], emma.Paragraphs.Take(2));
        Assert.StartsWith("Emma Woodhouse, handsome, clever, and rich, with a comfortable home and happy disposition, seemed", emma.Paragraphs[2]);
        Assert.Equal(28, documents["milton-paradise"].Paragraphs.Count);
        Assert.Contains(documents["shakespeare-caesar"].Paragraphs, p => p.Contains("Cæsar", StringComparison.Ordinal));
    }
}
