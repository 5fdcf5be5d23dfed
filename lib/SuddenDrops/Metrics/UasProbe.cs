using SuddenDrops.Model;
using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Metrics;

/// <summary>
/// Implicit-parse UAS at every checkpoint on a fixed treebank sample. Columns: <c>uas</c> (best layer-head-direction,
/// all words), <c>uas_head</c> (as "layer-head-direction"), <c>uas_cont</c> (mean attention of that head on the gold head),
/// <c>uas_nonroot</c> and <c>uas_offset</c> (best fixed-offset baseline on the same sample).
/// </summary>
public sealed class UasProbe(ImplicitParseEvaluation evaluation, Device device) : ICheckpointProbe
{
    public IReadOnlyDictionary<string, object?> Measure(MaskedLanguageModel model, long step) => Columns(evaluation.Evaluate(model, device));

    /// <summary>The metrics.csv columns of a report, as above (names: <see cref="MetricColumns"/>).</summary>
    public static IReadOnlyDictionary<string, object?> Columns(UasReport report)
    {
        var h = report.Headline;
        return new Dictionary<string, object?>
        {
            [MetricColumns.Uas] = h.Uas,
            [MetricColumns.UasHead] = HeadLabel.Of(h.Layer, h.Head, h.Direction),
            [MetricColumns.UasContinuous] = h.Continuous,
            [MetricColumns.UasNonRoot] = h.UasNonRoot,
            [MetricColumns.UasOffsetBaseline] = report.BestOffset.Uas,
        };
    }
}
