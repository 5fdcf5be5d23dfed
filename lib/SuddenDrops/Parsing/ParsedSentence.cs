namespace SuddenDrops.Parsing;

/// <summary>The parser's tree for one sentence.</summary>
/// <param name="Heads">Head of each word as a 1-based word index, 0 for the single root word.</param>
/// <param name="Relations">Relation of each word to its head ("root" for the root word).</param>
public sealed record ParsedSentence(IReadOnlyList<int> Heads, IReadOnlyList<string> Relations);
