using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>A run's vocabulary and its tokenised corpus.</summary>
public sealed record PreparedCorpus(WordPieceVocabulary Vocabulary, TokenCorpus Corpus)
{
    public SpecialPieces Specials => new(Vocabulary.Pad, Vocabulary.Unknown, Vocabulary.Cls, Vocabulary.Sep, Vocabulary.Mask);
}
