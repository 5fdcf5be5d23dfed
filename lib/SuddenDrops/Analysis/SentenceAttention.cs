using SuddenDrops.Data;
using SuddenDrops.Metrics;
using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Analysis;

/// <summary>Word-level attention of a trained model on one treebank sentence, the way the UAS probe reads it.</summary>
public static class SentenceAttention
{
    /// <summary>
    /// Feeds <paramref name="sentence"/> as <c>[CLS] words [SEP]</c> through <paramref name="model"/> and merges piece attention
    /// to words (<see cref="WordAttention"/>: sum over the pieces attended to, mean over the pieces attending).
    /// </summary>
    /// <exception cref="ArgumentException">The sentence needs more pieces than the run's sequence length (at most 128).</exception>
    public static WordAttention Of(TrainedModel model, DependencySentence sentence)
    {
        var encoder = WordPieceEncoder.Load(model.VocabPath);
        var maxPieces = Math.Min(128, model.Config.SequenceLength);
        var evaluation = new ImplicitParseEvaluation([sentence], encoder, maxPieces);
        if (evaluation.SentenceCount == 0)
            throw new ArgumentException($"Sentence {sentence.Id} ({sentence.Count} words) needs more than {maxPieces} pieces with [CLS] and [SEP]; pick a shorter one.");
        return evaluation.WordAttentions(model.Model, model.Device).Single().Attention;
    }
}
