namespace SuddenDrops.Metrics;

/// <summary>
/// The best (layer, head, direction) for the words of one relation (Clark et al. 2019, Fig. 5 / Chen et al. 2024, §2.1).
/// Only non-root words have relations here (the UD <c>root</c> relation is left out: it can never be right).
/// </summary>
/// <param name="Relation">UD relation, e.g. "nsubj:pass" or "nsubj".</param>
/// <param name="WithSubtype">True: the exact relation with its subtype; false: all relations with this base
/// (<see cref="SuddenDrops.Data.DependencySentence.BaseRelation"/>), e.g. "nsubj" = nsubj + nsubj:pass + ….</param>
/// <param name="Words">Words carrying the relation.</param>
/// <param name="Layer">0-based layer of the best head.</param>
/// <param name="Head">0-based head of the best head.</param>
/// <param name="Direction">Direction of the best head.</param>
/// <param name="Correct">Words of the relation the best head attaches correctly.</param>
/// <param name="Uas">Correct / <paramref name="Words"/> for the best head.</param>
/// <param name="Continuous">Mean weight the best head puts on the gold head of these words (see <see cref="HeadScore.Continuous"/>).</param>
public sealed record RelationUas(
    string Relation, bool WithSubtype, long Words, int Layer, int Head, AttentionDirection Direction,
    long Correct, double Uas, double Continuous);
