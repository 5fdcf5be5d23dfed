namespace SuddenDrops.Text;

/// <summary>Which single-character pieces a pruned vocabulary keeps so that words stay coverable without [UNK].</summary>
public enum CharacterCoverage
{
    /// <summary>
    /// Every single-character piece of the original vocabulary and its <c>##</c> form
    /// (997 + 997 for bert-base-uncased): any word the original covers stays covered.
    /// </summary>
    AllVocabularyCharacters,

    /// <summary>
    /// Only the characters that occur in the counted corpus's pieces, with their <c>##</c> forms:
    /// every corpus word the original covers stays covered, at a far smaller size.
    /// </summary>
    CorpusCharacters,
}
