namespace SuddenDrops.Data;

/// <summary>
/// A raw-text corpus read as a stream: documents or paragraphs one at a time, never the whole corpus in memory
/// (at most one document is held while reading documents; reading paragraphs holds one paragraph).
/// Sentences can be cut from paragraphs with <see cref="SentenceSplitter"/>.
/// </summary>
public abstract class TextSource
{
    /// <summary>Where the text comes from (a path), for messages.</summary>
    public abstract string Name { get; }

    /// <summary>The documents in corpus order.</summary>
    public abstract IEnumerable<TextDocument> ReadDocuments();

    /// <summary>The paragraphs of all documents in corpus order, each a single line.</summary>
    public virtual IEnumerable<string> ReadParagraphs() => ReadDocuments().SelectMany(document => document.Paragraphs);
}
