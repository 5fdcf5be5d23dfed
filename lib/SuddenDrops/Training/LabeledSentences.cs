using SuddenDrops.Data;
using SuddenDrops.Text;

namespace SuddenDrops.Training;

/// <summary>
/// The treebank sentences a regularised run draws its labelled rows from: each aligned with the run's vocabulary as its own
/// sequence <c>[CLS] words [SEP]</c>, padded to the sequence length (sentences with more pieces are skipped and counted).
/// </summary>
public sealed class LabeledSentences
{
    private readonly List<LabeledSentence> sentences;

    public LabeledSentences(IEnumerable<LabeledSentence> sentences, int skipped = 0)
    {
        this.sentences = [.. sentences];
        Skipped = skipped;
    }

    public int Count => sentences.Count;
    public int Skipped { get; }
    public LabeledSentence this[int index] => sentences[index];

    /// <summary>Aligns every sentence with <paramref name="encoder"/>; those over <paramref name="maxPieces"/> (specials included) are skipped.</summary>
    public static LabeledSentences FromTreebank(IEnumerable<DependencySentence> treebank, WordPieceEncoder encoder, int maxPieces)
    {
        var kept = new List<LabeledSentence>();
        var skipped = 0;
        foreach (var sentence in treebank)
        {
            if (encoder.Align(sentence.Words, maxPieces) is { } alignment) kept.Add(LabeledSentence.From(sentence, alignment));
            else skipped++;
        }
        return new LabeledSentences(kept, skipped);
    }

    /// <summary>Writes sentence <paramref name="index"/> into row <paramref name="row"/> of [B, T] buffers, padded after [SEP].</summary>
    public void Fill(int index, int row, int length, int padId, int[] ids, bool[] isReal)
    {
        var pieces = sentences[index].PieceIds;
        if (pieces.Length > length)
            throw new ArgumentException($"Labelled sentence {index} has {pieces.Length} pieces, more than the sequence length {length}.");
        int o = row * length;
        pieces.CopyTo(ids, o);
        isReal.AsSpan(o, pieces.Length).Fill(true);
        ids.AsSpan(o + pieces.Length, length - pieces.Length).Fill(padId);
        isReal.AsSpan(o + pieces.Length, length - pieces.Length).Fill(false);
    }
}
