using SuddenDrops.Model;
using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Metrics;

/// <summary>
/// BLiMP at every checkpoint on a fixed sample (the same pairs at every checkpoint and in every run with the same
/// sample seed: <see cref="Data.BlimpSample"/>). Columns: <c>blimp</c> (mean accuracy over paradigms) and
/// <c>blimp_&lt;field&gt;</c> for each field of the sample (morphology, semantics, syntax, syntax_semantics).
/// </summary>
public sealed class BlimpProbe(BlimpEvaluation evaluation, Device device) : ICheckpointProbe
{
    /// <summary>The seed of the checkpoint sample: fixed, so that runs of any seed are scored on the same pairs.</summary>
    public const int SampleSeed = 0;

    public IReadOnlyDictionary<string, object?> Measure(MaskedLanguageModel model, long step)
    {
        var report = evaluation.Evaluate(model, device);
        var row = new Dictionary<string, object?> { [MetricColumns.Blimp] = report.MeanOverParadigms };
        foreach (var field in report.ByField) row[MetricColumns.BlimpField(field.Name)] = field.Accuracy;
        return row;
    }
}
