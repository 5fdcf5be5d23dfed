namespace SuddenDrops.Data;

/// <summary>One document of a raw-text corpus: a Wikipedia article or a book.</summary>
/// <param name="Id">Identifier within its source (WikiExtractor's <c>id</c>, or the book's file name).</param>
/// <param name="Title">Title of the document; the title line itself is not among <paramref name="Paragraphs"/>.</param>
/// <param name="Paragraphs">The document's paragraphs in order, each on one line (no newlines inside).</param>
public sealed record TextDocument(string Id, string Title, IReadOnlyList<string> Paragraphs)
{
    /// <summary>The paragraphs joined by newlines.</summary>
    public string Text => string.Join('\n', Paragraphs);
}
