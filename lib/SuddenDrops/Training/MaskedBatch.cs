using static TorchSharp.torch;

namespace SuddenDrops.Training;

/// <summary>A batch ready for the MLM loss. Owns its tensors.</summary>
/// <param name="InputIds">[B, T] pieces after masking.</param>
/// <param name="AttentionMask">[B, T] 1 for real tokens, 0 for padding.</param>
/// <param name="TargetPositions">[M] flat indices (b·T + t) of the selected positions.</param>
/// <param name="TargetIds">[M] original pieces at those positions.</param>
/// <param name="HasPadding">Whether any position is padding (known on the host when the batch is built); when not, the
/// model may skip the attention mask.</param>
/// <param name="Edges">Gold dependency edges of the labelled rows (null when the batch has none).</param>
public sealed record MaskedBatch(Tensor InputIds, Tensor AttentionMask, Tensor TargetPositions, Tensor TargetIds, SyntacticEdges? Edges = null, bool HasPadding = true) : IDisposable
{
    public long Tokens => InputIds.shape[0] * InputIds.shape[1];

    /// <summary>
    /// This batch on <paramref name="device"/> (itself on the CPU). To CUDA each tensor goes through pinned host memory
    /// with a non-blocking copy, so the host does not wait for the GPU to finish the previous step (a copy from pageable
    /// memory synchronises the stream). Freeing the pinned staging copy right away is safe: libtorch's caching host
    /// allocator keeps the block until the copy's stream event has passed.
    /// </summary>
    public MaskedBatch To(Device device) => device.type == TorchSharp.DeviceType.CPU ? this
        : new MaskedBatch(Upload(InputIds, device), Upload(AttentionMask, device), Upload(TargetPositions, device), Upload(TargetIds, device), Edges?.To(device), HasPadding);

    private static Tensor Upload(Tensor cpu, Device device)
    {
        if (device.type != TorchSharp.DeviceType.CUDA) return cpu.to(device);
        using var pinned = cpu.pin_memory();
        return pinned.to(device, non_blocking: true);
    }

    public void Dispose()
    {
        InputIds.Dispose();
        AttentionMask.Dispose();
        TargetPositions.Dispose();
        TargetIds.Dispose();
        Edges?.Dispose();
    }
}
