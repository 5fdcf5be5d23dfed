namespace SuddenDrops.Text;

/// <summary>
/// Encodes a sentence or a sentence pair for a sequence classifier (<see cref="SequencePair"/>). When the pieces exceed
/// the limit, pieces are cut from the end of the longer segment, one at a time (from the second when both are equally
/// long): the "longest first" rule of BERT's <c>run_classifier.py</c> (<c>_truncate_seq_pair</c>).
/// </summary>
public sealed class SequencePairEncoder(WordPieceEncoder encoder)
{
    public WordPieceVocabulary Vocabulary => encoder.Vocabulary;

    /// <param name="first">Sentence a.</param>
    /// <param name="second">Sentence b, or null for a single-sentence input.</param>
    /// <param name="maxPieces">Most pieces, specials included (at least 3 for a single sentence, 5 for a pair).</param>
    public SequencePair Encode(string first, string? second, int maxPieces)
    {
        var specials = second is null ? 2 : 3;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPieces, specials + (second is null ? 1 : 2));
        var a = new List<int>(encoder.Encode(first));
        var b = second is null ? [] : new List<int>(encoder.Encode(second));
        var truncated = 0;
        while (a.Count + b.Count + specials > maxPieces)
        {
            var longer = a.Count > b.Count ? a : b;
            longer.RemoveAt(longer.Count - 1);
            truncated++;
        }
        var vocabulary = encoder.Vocabulary;
        var ids = new List<int>(a.Count + b.Count + specials) { vocabulary.Cls };
        ids.AddRange(a);
        ids.Add(vocabulary.Sep);
        var firstSegment = ids.Count;
        if (second is not null)
        {
            ids.AddRange(b);
            ids.Add(vocabulary.Sep);
        }
        var types = new int[ids.Count];
        types.AsSpan(firstSegment).Fill(1);
        return new SequencePair([.. ids], types, truncated);
    }
}
