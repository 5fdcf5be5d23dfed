using TorchSharp;
using static TorchSharp.torch;
using static SuddenDrops.Model.HeldScalars;

namespace SuddenDrops.Training;

/// <summary>Accumulates R and λ·R on the device between two rows of <c>train_log.csv</c> (no host sync per step).</summary>
internal sealed class RegularizerWindow(Device device) : IDisposable
{
    private readonly Tensor valueSum = zeros(1, device: device);
    private readonly Tensor weightedSum = zeros(1, device: device);
    private int steps, measured;
    private long directedEdges;
    private double lastLambda;

    public void Add(StepLosses losses)
    {
        steps++;
        lastLambda = losses.Lambda;
        if (losses.Regularizer is not { } r) return;
        var value = r.detach();
        valueSum.add_(value, One);
        if (losses.Weight != 0)
        {
            using var weight = losses.Weight.ToScalar(); // held through the native call (environment.md, "Scalars")
            weightedSum.add_(value, weight);
        }
        measured++;
        directedEdges += losses.DirectedEdges;
    }

    /// <summary>The window's means; starts a new window.</summary>
    public RegularizerSummary Flush()
    {
        double sum = valueSum.item<float>();
        var summary = new RegularizerSummary(
            lastLambda,
            measured > 0 ? sum / measured : double.NaN,
            directedEdges > 0 ? sum / directedEdges : double.NaN,
            steps > 0 ? weightedSum.item<float>() / steps : double.NaN);
        valueSum.zero_();
        weightedSum.zero_();
        steps = measured = 0;
        directedEdges = 0;
        return summary;
    }

    public void Dispose()
    {
        valueSum.Dispose();
        weightedSum.Dispose();
    }
}
