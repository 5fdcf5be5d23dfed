namespace SuddenDrops.Metrics;

/// <summary>
/// UAS of the fixed-offset parser "the head of word i is word i + <paramref name="Offset"/>" (Clark et al. 2019, §4.2);
/// a head outside the sentence counts as wrong.
/// </summary>
/// <param name="Offset">k, in words (−3…+2, never 0).</param>
/// <param name="Correct">Words whose gold head is word i + k.</param>
/// <param name="Uas">Correct / all words (root words included, never right).</param>
/// <param name="UasNonRoot">Correct / words that are not the root.</param>
public sealed record OffsetBaselineScore(int Offset, long Correct, double Uas, double UasNonRoot);
