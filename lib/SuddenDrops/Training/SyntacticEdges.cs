using static TorchSharp.torch;

namespace SuddenDrops.Training;

/// <summary>
/// The gold dependency edges of a batch's labelled rows, in token positions (each word at its first piece). Owns its tensors.
/// Root words have no edge.
/// </summary>
/// <param name="Rows">[E] batch row of each edge.</param>
/// <param name="Dependents">[E] token position of the dependent word i.</param>
/// <param name="Heads">[E] token position of its head h = head(i).</param>
public sealed record SyntacticEdges(Tensor Rows, Tensor Dependents, Tensor Heads) : IDisposable
{
    public long Count => Rows.shape[0];

    public static SyntacticEdges FromArrays(long[] rows, long[] dependents, long[] heads) =>
        new(tensor(rows), tensor(dependents), tensor(heads));

    public SyntacticEdges To(Device device) => new(Rows.to(device), Dependents.to(device), Heads.to(device));

    public void Dispose()
    {
        Rows.Dispose();
        Dependents.Dispose();
        Heads.Dispose();
    }
}
