using SuddenDrops.Data;
using SuddenDrops.Model;
using SuddenDrops.Text;
using static TorchSharp.torch;

namespace SuddenDrops.Metrics;

/// <summary>
/// The paper's probe of Syntactic Attention Structure on a treebank: each sentence fed unmasked as
/// <c>[CLS] words [SEP]</c> (at most <c>maxPieces</c> pieces; longer ones are skipped and counted), piece attention merged
/// to words, UAS of every (layer, head, direction) accumulated (Clark et al. 2019; Chen et al. 2024, §2.2).
/// </summary>
public sealed class ImplicitParseEvaluation
{
    private readonly List<DependencySentence> sentences = [];
    private readonly List<PieceAlignment> alignments = [];
    private readonly List<DependencySentence> skipped = [];
    private readonly int padId;

    public ImplicitParseEvaluation(IEnumerable<DependencySentence> treebank, WordPieceEncoder encoder, int maxPieces)
    {
        padId = encoder.Vocabulary.Pad;
        foreach (var s in treebank)
        {
            if (encoder.Align(s.Words, maxPieces) is { } a)
            {
                sentences.Add(s);
                alignments.Add(a);
            }
            else skipped.Add(s);
        }
    }

    public int SentenceCount => sentences.Count;
    public int SkippedCount => skipped.Count;
    public IReadOnlyList<DependencySentence> Sentences => sentences;

    public UasReport Evaluate(MaskedLanguageModel model, Device device, UasOptions? options = null) =>
        Accumulate(model, device, options).ToReport();

    /// <summary>The counts behind <see cref="Evaluate"/>: its report, and per-relation views (<see cref="UasAccumulator.RelationAttachments"/>).</summary>
    public UasAccumulator Accumulate(MaskedLanguageModel model, Device device, UasOptions? options = null)
    {
        var accumulator = new UasAccumulator(model.Config.Layers, model.Config.Heads, options);
        foreach (var (sentence, attention) in WordAttentions(model, device))
            accumulator.Add(sentence, attention);
        foreach (var s in skipped) accumulator.AddSkipped(s);
        return accumulator;
    }

    /// <summary>Each usable sentence with its word-level attention (before [CLS]/[SEP] are dropped), in treebank order.</summary>
    public IEnumerable<(DependencySentence Sentence, WordAttention Attention)> WordAttentions(MaskedLanguageModel model, Device device)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            foreach (var (i, attention) in AttentionExtraction.Extract(model, alignments, padId, device))
                yield return (sentences[i], WordAttention.FromPieces(attention, model.Config.Layers, model.Config.Heads, alignments[i]));
        }
        finally
        {
            if (wasTraining) model.train();
        }
    }
}
