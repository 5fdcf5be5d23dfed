using System.Diagnostics;
using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

public sealed class WikiExtractorSourceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string TwoArticles =
        "<doc id=\"12\" url=\"?curid=12\" title=\"Anarchism\">\n" +
        "Anarchism\n" +
        "\n" +
        "Anarchism is a political philosophy.  \n" +
        "History.\n" +
        "   \n" +
        "It has a long history.\n" +
        "\n" +
        "</doc>\n" +
        "<doc id=\"25\" url=\"?curid=25\" title=\"The \"Weird\" Title\">\n" +
        "The \"Weird\" Title\n" +
        "\n" +
        "</doc>\n";

    [Fact]
    public void Drops_the_title_line_and_yields_nonblank_lines_as_paragraphs()
    {
        var source = new WikiExtractorSource(_temp.Write("wiki.txt", TwoArticles));

        var documents = source.ReadDocuments().ToList();

        Assert.Equal(2, documents.Count);
        Assert.Equal(("12", "Anarchism"), (documents[0].Id, documents[0].Title));
        Assert.Equal(["Anarchism is a political philosophy.", "History.", "It has a long history."], documents[0].Paragraphs);
        Assert.Equal("Anarchism is a political philosophy.\nHistory.\nIt has a long history.", documents[0].Text);
        Assert.Equal(("25", "The \"Weird\" Title"), (documents[1].Id, documents[1].Title));
        Assert.Empty(documents[1].Paragraphs);
        Assert.Equal(documents[0].Paragraphs, source.ReadParagraphs());
    }

    [Fact]
    public void Text_outside_a_document_is_an_error_naming_its_line()
    {
        var path = _temp.Write("stray.txt", TwoArticles + "\nstray text\n");

        var error = Assert.Throws<DataFormatException>(() => new WikiExtractorSource(path).ReadDocuments().ToList());

        Assert.Equal((path, 15), (error.File, error.Line));
        Assert.Contains("text outside a <doc", error.Message);
    }

    [Fact]
    public void A_document_never_closed_is_an_error_at_its_opening_line()
    {
        var path = _temp.Write("open.txt", TwoArticles + "<doc id=\"3\" url=\"?curid=3\" title=\"X\">\nX\n\nbody\n");

        var error = Assert.Throws<DataFormatException>(() => new WikiExtractorSource(path).ReadDocuments().ToList());

        Assert.Equal((path, 14), (error.File, error.Line));
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void A_document_opened_inside_another_is_an_error_naming_the_inner_line()
    {
        var path = _temp.Write("nested.txt", "<doc id=\"1\" url=\"u\" title=\"A\">\nA\n<doc id=\"2\" url=\"u\" title=\"B\">\n</doc>\n");

        var error = Assert.Throws<DataFormatException>(() => new WikiExtractorSource(path).ReadDocuments().ToList());

        Assert.Equal((path, 3), (error.File, error.Line));
    }

    /// <summary>
    /// Streams the whole shared extract (66 MB of text, gzipped). Document and paragraph counts were computed
    /// independently with zcat and a Python script (non-blank lines inside each doc after its title line).
    /// </summary>
    [Fact]
    public void Streams_the_whole_Wikipedia_extract_with_its_96339_articles()
    {
        var source = new WikiExtractorSource(SharedData.PathOf("text/enwiki-extract.txt.gz"));
        var clock = Stopwatch.StartNew();

        var documents = 0;
        var paragraphs = 0;
        TextDocument? second = null;
        foreach (var document in source.ReadDocuments())
        {
            documents++;
            paragraphs += document.Paragraphs.Count;
            if (documents == 2)
                second = document;
        }

        Assert.Equal(96_339, documents);
        Assert.Equal(241_162, paragraphs);
        Assert.NotNull(second);
        Assert.Equal(("56564559", "Jarred Shaw"), (second.Id, second.Title));
        Assert.StartsWith("Jarred Shaw (born September 28, 1990) is an American professional basketball player", second.Paragraphs[0]);
        Assert.Equal("Professional career.", second.Paragraphs[1]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }
}
