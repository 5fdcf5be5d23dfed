using static TorchSharp.torch;

namespace SuddenDrops.Model;

/// <summary>What one encoder pass returns. Owns its tensors: dispose it (or let a DisposeScope do so).</summary>
/// <param name="Hidden">[B, T, D] output of the last block.</param>
/// <param name="Attentions">Per layer [B, H, T, T] attention probabilities (rows: from, columns: to), when asked for.</param>
/// <param name="HiddenStates">Embedding output then each block's output, L + 1 tensors [B, T, D], when asked for.</param>
public sealed record EncoderOutput(Tensor Hidden, IReadOnlyList<Tensor>? Attentions, IReadOnlyList<Tensor>? HiddenStates) : IDisposable
{
    public void Dispose()
    {
        Hidden.Dispose();
        foreach (var a in Attentions ?? []) a.Dispose();
        foreach (var h in HiddenStates ?? []) if (!ReferenceEquals(h, Hidden)) h.Dispose();
    }
}
