using static TorchSharp.torch;

namespace SuddenDrops.Training;

/// <summary>
/// The syntactic regulariser of Chen et al. (2024, §4, "max" form):
/// <code>
/// R = Σ_sentences Σ_(i, h = head(i), i not root) [ M(i, h) + M(h, i) ],   M(i, j) = max over layers l and heads k of A_lk(i → j)
/// </code>
/// with A the attention probabilities (rows: from, columns: to) of the same forward pass as the MLM loss. The training
/// loss is L = L_MLM + λ·R: λ &gt; 0 suppresses Syntactic Attention Structure (SAS−), λ &lt; 0 promotes it (SAS+).
/// The gradient of R reaches, for every directed edge, only the (layer, head) that attends most along it
/// (amax splits it evenly between exact ties).
/// </summary>
public static class SyntacticRegularizer
{
    /// <summary>R as a scalar tensor (differentiable).</summary>
    /// <param name="attentions">Per layer [B, H, T, T] attention probabilities.</param>
    /// <param name="edges">The gold edges; [E] each.</param>
    public static Tensor Compute(IReadOnlyList<Tensor> attentions, SyntacticEdges edges)
    {
        using var scope = NewDisposeScope();
        return EdgeMaxima(attentions, edges).sum().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// M along every directed gold edge: [2E], first M(i, h) for each edge (dependent → head), then M(h, i) (head → dependent).
    /// </summary>
    public static Tensor EdgeMaxima(IReadOnlyList<Tensor> attentions, SyntacticEdges edges)
    {
        if (attentions.Count == 0) throw new ArgumentException("The regulariser needs the attention probabilities of at least one layer.");
        using var scope = NewDisposeScope();
        var rows = cat([edges.Rows, edges.Rows]);              // [2E]
        var from = cat([edges.Dependents, edges.Heads]);       // [2E]
        var to = cat([edges.Heads, edges.Dependents]);         // [2E]
        var perLayer = attentions
            .Select(a => a.permute(0, 2, 3, 1)                 // [B, T, T, H]: a view, nothing copied
                .index(TensorIndex.Tensor(rows), TensorIndex.Tensor(from), TensorIndex.Tensor(to))) // [2E, H]
            .ToArray();
        var gathered = stack(perLayer, 1);                     // [2E, L, H]
        return gathered.amax([1, 2]).MoveToOuterDisposeScope(); // [2E]
    }
}
