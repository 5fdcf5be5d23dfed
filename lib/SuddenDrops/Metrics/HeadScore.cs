namespace SuddenDrops.Metrics;

/// <summary>Implicit-parse score of one attention head read in one direction, over all words added.</summary>
/// <param name="Layer">0-based layer.</param>
/// <param name="Head">0-based head within the layer.</param>
/// <param name="Direction">How the head's map is read as a parser.</param>
/// <param name="Correct">Words whose predicted head is the gold head.</param>
/// <param name="Uas">Correct / all words (root words included; they are never right).</param>
/// <param name="UasNonRoot">Correct / non-root words.</param>
/// <param name="Continuous">
/// Mean attention weight on the gold head over non-root words: A[i, gold(i)] for dep2head, A[gold(i), i] for head2dep,
/// read from the word-level map after dropping [CLS]/[SEP] and zeroing the diagonal, without renormalisation.
/// Null when no word has a head.
/// </param>
public sealed record HeadScore(
    int Layer, int Head, AttentionDirection Direction, long Correct, double Uas, double UasNonRoot, double? Continuous);
