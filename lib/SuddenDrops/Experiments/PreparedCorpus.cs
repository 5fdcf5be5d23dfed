using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>A run's vocabulary and its tokenised corpus (with <paramref name="ParsedKey"/>, the silver trees it was built from).</summary>
public sealed record PreparedCorpus(WordPieceVocabulary Vocabulary, TokenCorpus Corpus, string? ParsedKey = null)
{
    public SpecialPieces Specials => new(Vocabulary.Pad, Vocabulary.Unknown, Vocabulary.Cls, Vocabulary.Sep, Vocabulary.Mask);
}
