using static TorchSharp.torch;

namespace SuddenDrops.Training;

/// <summary>A batch ready for the MLM loss. Owns its tensors.</summary>
/// <param name="InputIds">[B, T] pieces after masking.</param>
/// <param name="AttentionMask">[B, T] 1 for real tokens, 0 for padding.</param>
/// <param name="TargetPositions">[M] flat indices (b·T + t) of the selected positions.</param>
/// <param name="TargetIds">[M] original pieces at those positions.</param>
/// <param name="Edges">Gold dependency edges of the labelled rows (null when the batch has none).</param>
public sealed record MaskedBatch(Tensor InputIds, Tensor AttentionMask, Tensor TargetPositions, Tensor TargetIds, SyntacticEdges? Edges = null) : IDisposable
{
    public long Tokens => InputIds.shape[0] * InputIds.shape[1];

    public MaskedBatch To(Device device) => device.type == TorchSharp.DeviceType.CPU ? this
        : new MaskedBatch(InputIds.to(device), AttentionMask.to(device), TargetPositions.to(device), TargetIds.to(device), Edges?.To(device));

    public void Dispose()
    {
        InputIds.Dispose();
        AttentionMask.Dispose();
        TargetPositions.Dispose();
        TargetIds.Dispose();
        Edges?.Dispose();
    }
}
