namespace SuddenDrops.Metrics;

/// <summary>
/// The best (layer, head, direction) over all words: the paper's UAS of the implicit parse (Chen et al. 2024, §2.1).
/// Fields as in <see cref="HeadScore"/>.
/// </summary>
/// <param name="Layer">0-based layer.</param>
/// <param name="Head">0-based head within the layer.</param>
/// <param name="Direction">How the head is read as a parser.</param>
/// <param name="Uas">Correct / all words.</param>
/// <param name="UasNonRoot">Correct / non-root words.</param>
/// <param name="Continuous">Mean weight on the gold head over non-root words (see <see cref="HeadScore.Continuous"/>).</param>
/// <param name="Words">Words scored (denominator of <paramref name="Uas"/>).</param>
/// <param name="NonRootWords">Words with a gold head (denominator of <paramref name="UasNonRoot"/> and <paramref name="Continuous"/>).</param>
public sealed record UasHeadline(
    int Layer, int Head, AttentionDirection Direction, double Uas, double UasNonRoot, double? Continuous,
    long Words, long NonRootWords);
