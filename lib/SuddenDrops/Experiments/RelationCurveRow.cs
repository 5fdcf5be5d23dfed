using SuddenDrops.Metrics;

namespace SuddenDrops.Experiments;

/// <summary>
/// One row of <c>curves/relations.csv</c>: a relation's implicit-parse attachment at one checkpoint
/// (<see cref="RelationAttachment"/>), long format (one row per step and relation).
/// </summary>
/// <param name="Step">Training step of the checkpoint.</param>
/// <param name="Relation">Base UD relation, or "all" (every non-root word).</param>
/// <param name="Words">Words of the relation in the UAS sample (the same at every step).</param>
/// <param name="Uas">UAS of the best head for this relation on its words.</param>
/// <param name="Head">That head, "layer-head-direction".</param>
/// <param name="OverallUas">UAS of the checkpoint's overall best head on this relation's words.</param>
/// <param name="OverallHead">The overall best head (metrics.csv's <c>uas_head</c>).</param>
/// <param name="BaselineOffset">Best fixed offset k for these words.</param>
/// <param name="BaselineUas">Its UAS on these words (a property of the treebank: the same at every step).</param>
public sealed record RelationCurveRow(
    long Step, string Relation, long Words, double Uas, string Head, double OverallUas, string OverallHead,
    int BaselineOffset, double BaselineUas)
{
    /// <summary>The row of <paramref name="attachment"/> at <paramref name="step"/>; <paramref name="overallHead"/> names the overall best head.</summary>
    public static RelationCurveRow Of(long step, RelationAttachment attachment, string overallHead) =>
        new(step, attachment.Relation, attachment.Words, attachment.Uas, attachment.HeadName, attachment.OverallUas, overallHead,
            attachment.BaselineOffset, attachment.BaselineUas);

    /// <summary>The rows of one checkpoint's attachments (the first, "all", carries the overall best head).</summary>
    public static IReadOnlyList<RelationCurveRow> Of(long step, IReadOnlyList<RelationAttachment> attachments)
    {
        var overall = attachments.Single(a => a.Relation == RelationAttachment.All).HeadName;
        return attachments.Select(a => Of(step, a, overall)).ToList();
    }
}
