namespace SuddenDrops.Tests.Notebooks;

/// <summary>One cell of a .ipynb notebook.</summary>
/// <param name="Index">0-based position in the notebook.</param>
/// <param name="Kind">nbformat cell_type: code, markdown or raw.</param>
/// <param name="Kernel">The Polyglot Notebooks kernel of a code cell (csharp, fsharp, ...), or the notebook's default.</param>
/// <param name="Source">The cell's text.</param>
/// <param name="Outputs">Its outputs (after execution).</param>
internal sealed record IpynbCell(int Index, string Kind, string Kernel, string Source, IReadOnlyList<IpynbOutput> Outputs)
{
    public bool IsCode => Kind == "code";
}
