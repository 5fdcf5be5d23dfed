using SuddenDrops.Model;
using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Metrics;

/// <summary>
/// TwoNN intrinsic dimension at every checkpoint on a fixed held-out sample (<see cref="IntrinsicDimensionEvaluation"/>).
/// Columns, for layers k = 0 (embedding output) … L: <c>id_Lk</c> (token vectors, Euclidean), <c>id_cos_Lk</c> (token
/// vectors, cosine); for k = 1 … L: <c>id_cls_Lk</c> and <c>id_cls_cos_Lk</c> ([CLS] vectors).
/// </summary>
public sealed class TwoNNProbe(IntrinsicDimensionEvaluation evaluation, Device device) : ICheckpointProbe
{
    public IReadOnlyDictionary<string, object?> Measure(MaskedLanguageModel model, long step) => Columns(evaluation.Evaluate(model, device));

    /// <summary>The metrics.csv columns of a report, in the order above.</summary>
    public static IReadOnlyDictionary<string, object?> Columns(IntrinsicDimensionReport report)
    {
        var row = new Dictionary<string, object?>();
        foreach (var layer in report.Layers) row[MetricColumns.Layered(MetricColumns.IntrinsicDimensionPrefix, layer.Layer)] = layer.TokenEuclidean;
        foreach (var layer in report.Layers) row[MetricColumns.Layered(MetricColumns.IntrinsicDimensionCosinePrefix, layer.Layer)] = layer.TokenCosine;
        foreach (var layer in report.Layers.Where(l => l.ClsEuclidean is not null))
            row[MetricColumns.Layered(MetricColumns.ClsIntrinsicDimensionPrefix, layer.Layer)] = layer.ClsEuclidean;
        foreach (var layer in report.Layers.Where(l => l.ClsCosine is not null))
            row[MetricColumns.Layered(MetricColumns.ClsIntrinsicDimensionCosinePrefix, layer.Layer)] = layer.ClsCosine;
        return row;
    }
}
