using System.Globalization;
using System.Text;
using SuddenDrops.Metrics;

namespace SuddenDrops.Analysis;

/// <summary>
/// Notebook 01's closing "The paper says / Our runs show / Verdict", computed from one checkpoint's implicit-parse
/// measurement: does the best head parse above the best fixed-offset parser, by how much, and in how many relations does
/// the relation's best head beat that relation's best offset. Every number in <see cref="Section"/> comes from here.
/// </summary>
/// <param name="Checkpoint">What was measured, e.g. "tiny-s0, step 7,103".</param>
/// <param name="Headline">The best head over all words.</param>
/// <param name="BestOffset">The best fixed-offset parser on the same words.</param>
/// <param name="Sentences">Sentences scored.</param>
/// <param name="Relations">Per base relation (without <see cref="RelationAttachment.All"/>): best head, best offset, margin.</param>
public sealed record ImplicitParseClaim(
    string Checkpoint, UasHeadline Headline, OffsetBaselineScore BestOffset, int Sentences, IReadOnlyList<RelationAttachment> Relations)
{
    /// <summary>The claim's reading of a margin: above, tied with, or below the best offset.</summary>
    public enum Outcome
    {
        /// <summary>The margin is more than <see cref="Yardstick"/>.</summary>
        AboveOffset,

        /// <summary>The margin is within ±<see cref="Yardstick"/>.</summary>
        TiesOffset,

        /// <summary>The margin is below −<see cref="Yardstick"/>.</summary>
        BelowOffset,
    }

    /// <summary>Builds the claim from a report and the per-relation view of the same counts (<see cref="UasAccumulator.RelationAttachments"/>).</summary>
    public static ImplicitParseClaim Of(string checkpoint, UasReport report, IReadOnlyList<RelationAttachment> relations)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(relations);
        return new ImplicitParseClaim(checkpoint, report.Headline, report.BestOffset, report.SentencesUsed,
            [.. relations.Where(r => r.Relation != RelationAttachment.All)]);
    }

    /// <summary>Best head's UAS − best offset's UAS, over all words (root included in both).</summary>
    public double Margin => Headline.Uas - BestOffset.Uas;

    /// <summary>
    /// Two standard errors of a proportion p over N words, 2·√(p(1 − p)/N), p the best offset's UAS: a rough scale for
    /// "more than a tie" (it ignores that both parsers score the same words, so it errs on the wide side).
    /// </summary>
    public double Yardstick => 2 * Math.Sqrt(BestOffset.Uas * (1 - BestOffset.Uas) / Headline.Words);

    /// <summary>Where the margin falls against <see cref="Yardstick"/>.</summary>
    public Outcome Result => Margin > Yardstick ? Outcome.AboveOffset : Margin < -Yardstick ? Outcome.BelowOffset : Outcome.TiesOffset;

    /// <summary>Relations whose best head attaches more of their words than their best offset.</summary>
    public int RelationsAboveOffset => Relations.Count(r => r.BeatsOffset);

    /// <summary>
    /// The per-relation table: words, the relation's best head and its UAS, the relation's best fixed offset and its UAS,
    /// and the margin (head − offset). All scores are over the relation's words.
    /// </summary>
    public MarkdownTable RelationTable()
    {
        var rows = Relations.Select(r => (IReadOnlyList<string>)
        [
            r.Relation, r.Words.ToString("N0", CultureInfo.InvariantCulture), r.HeadName, F3(r.Uas),
            r.BaselineOffset.ToString("+0;-0", CultureInfo.InvariantCulture), F3(r.BaselineUas), Signed(r.Margin),
            r.BeatsOffset ? "yes" : "no",
        ]).ToList();
        return new MarkdownTable(["relation", "words", "best head", "head UAS", "best offset k", "offset UAS", "margin", "head beats offset"], rows);
    }

    /// <summary>
    /// Checkpoints side by side (e.g. one on the UAS plateau before the structure onset and one after it), one row each:
    /// the best head and its UAS (all words, non-root, mean attention on the gold head), the best offset parser, the margin
    /// and its reading, and how many relations' best heads beat their own offset.
    /// </summary>
    public static MarkdownTable Comparison(IReadOnlyList<ImplicitParseClaim> claims)
    {
        var rows = claims.Select(c => (IReadOnlyList<string>)
        [
            c.Checkpoint, HeadLabel.Of(c.Headline.Layer, c.Headline.Head, c.Headline.Direction),
            F3(c.Headline.Uas), F3(c.Headline.UasNonRoot), c.Headline.Continuous is double m ? F3(m) : "—",
            Invariant($"{c.BestOffset.Offset:+0;-0}: {F3(c.BestOffset.Uas)}"), Signed(c.Margin),
            c.Result switch { Outcome.AboveOffset => "above", Outcome.TiesOffset => "tie", _ => "below" } + Invariant($" (±{F3(c.Yardstick)})"),
            Invariant($"{c.RelationsAboveOffset} of {c.Relations.Count}"),
        ]).ToList();
        return new MarkdownTable(
            ["checkpoint", "best head", "UAS", "UAS without root", "attention on the gold head", "best offset k: UAS", "margin",
             "head against offset", "relations whose head beats their offset"],
            rows);
    }

    /// <summary>The closing section as markdown: the paper says, our runs show, verdict.</summary>
    public string Section()
    {
        var text = new StringBuilder();
        text.Append("### The paper says · our runs show · verdict\n\n");
        text.Append("**The paper says.** Following Clark et al. (2019), [Chen et al. (2024)](https://arxiv.org/abs/2309.07311) read every ")
            .Append("attention head as a dependency parser and take the best head's UAS as the measure of Syntactic Attention Structure; ")
            .Append("in a trained BERT, particular heads attend along particular relations far more accurately than the fixed-offset ")
            .Append("parsers \"head = word i + k\" that know nothing but word order.\n\n");
        text.Append(Invariant($"**Our runs show** ({Checkpoint}, {Sentences:N0} EWT dev sentences, {Headline.Words:N0} words). "))
            .Append(Invariant($"The best head, {HeadLabel.Of(Headline.Layer, Headline.Head, Headline.Direction)}, attaches {F3(Headline.Uas)} of the words; "))
            .Append(Invariant($"the best offset parser, head = word {BestOffset.Offset:+0;-0}, {F3(BestOffset.Uas)}: a margin of {Signed(Margin)} "))
            .Append(Invariant($"(two standard errors of a proportion over these words: ±{F3(Yardstick)}). "));
        if (Relations.Count > 0)
        {
            var best = Relations.MaxBy(r => r.Margin)!;
            var worst = Relations.MinBy(r => r.Margin)!;
            text.Append(Invariant($"Per relation, the relation's own best head beats the relation's own best offset in {RelationsAboveOffset} of {Relations.Count} relations "))
                .Append(Invariant($"(largest margin: {best.Relation}, {Signed(best.Margin)}; smallest: {worst.Relation}, {Signed(worst.Margin)})."));
        }
        text.Append("\n\n");
        text.Append(Result switch
        {
            Outcome.AboveOffset => Invariant($"**Verdict: reproduced at this checkpoint.** The best head parses above every fixed offset, by {Signed(Margin)} UAS."),
            Outcome.TiesOffset => Invariant($"**Verdict: not shown at this checkpoint.** The best head ties the best offset parser ({Signed(Margin)} UAS): its parse is no better than \"head = word {BestOffset.Offset:+0;-0}\"")
                + (Relations.Count > 0 ? Invariant($", although {RelationsAboveOffset} of {Relations.Count} relations have a head that beats their own offset.") : "."),
            _ => Invariant($"**Verdict: not reproduced at this checkpoint.** The best head parses below the best offset parser, by {Signed(-Margin)} UAS."),
        });
        return text.Append('\n').ToString();
    }

    private static string F3(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Signed(double value) => Math.Round(value, 3).ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
