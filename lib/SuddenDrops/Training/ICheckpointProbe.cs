using SuddenDrops.Model;

namespace SuddenDrops.Training;

/// <summary>
/// A measurement taken at every checkpoint (UAS, BLiMP, TwoNN, …) whose values join that checkpoint's row of
/// <c>metrics.csv</c>. Implemented in later stages (Metrics) and handed to the trainer by the experiment.
/// </summary>
public interface ICheckpointProbe
{
    /// <summary>Measures the model (already in eval mode, under no_grad) and returns column → value (double or string).</summary>
    IReadOnlyDictionary<string, object?> Measure(MaskedLanguageModel model, long step);
}
