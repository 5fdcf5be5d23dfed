namespace SuddenDrops.Metrics;

/// <summary>
/// How well the implicit parse attaches the words of one relation at one checkpoint, in two views and against the
/// positional baseline: the best (layer, head, direction) for these words alone (Clark et al. 2019, Fig. 5), the overall
/// best head of the checkpoint (the paper's UAS head, Chen et al. 2024, §2.1) on these words, and the best fixed offset
/// "head of word i = word i + k" for these words (e.g. det is nearly always +1).
/// All scores are over the relation's words (non-root words only; the root is no relation here).
/// </summary>
/// <param name="Relation">Base UD relation (subtypes merged: "nsubj" = nsubj + nsubj:pass + …), or <see cref="All"/>.</param>
/// <param name="Words">Words carrying the relation in the sample.</param>
/// <param name="Layer">0-based layer of the best head for this relation.</param>
/// <param name="Head">0-based head of the best head for this relation.</param>
/// <param name="Direction">Direction of the best head for this relation.</param>
/// <param name="Uas">Share of the relation's words the best head for this relation attaches correctly.</param>
/// <param name="OverallUas">Share of the relation's words the overall best head (<see cref="UasHeadline"/>) attaches correctly.</param>
/// <param name="BaselineOffset">k of the best fixed-offset parser for these words (−3…+2).</param>
/// <param name="BaselineUas">Share of the relation's words whose head is word i + <paramref name="BaselineOffset"/>.</param>
public sealed record RelationAttachment(
    string Relation, long Words, int Layer, int Head, AttentionDirection Direction, double Uas, double OverallUas,
    int BaselineOffset, double BaselineUas)
{
    /// <summary>The pseudo-relation of all non-root words (its best head is the overall best head).</summary>
    public const string All = "all";

    /// <summary>The best head for this relation as "layer-head-direction".</summary>
    public string HeadName => HeadLabel.Of(Layer, Head, Direction);

    /// <summary>
    /// <see cref="Uas"/> − <see cref="BaselineUas"/>: how far the relation's best head parses above its best fixed offset
    /// (positive: the head knows more than the words' order; e.g. amod is nearly always +1, so its margin is small).
    /// </summary>
    public double Margin => Uas - BaselineUas;

    /// <summary>Whether the relation's best head attaches more of its words than the best fixed offset does.</summary>
    public bool BeatsOffset => Uas > BaselineUas;
}
