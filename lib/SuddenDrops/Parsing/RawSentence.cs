namespace SuddenDrops.Parsing;

/// <summary>One sentence of raw text to parse.</summary>
/// <param name="Id">Its id in the output (<c># sent_id</c>): document id (or input line) and the sentence's number in it.</param>
/// <param name="Text">The sentence as it stands in the text.</param>
public sealed record RawSentence(string Id, string Text);
