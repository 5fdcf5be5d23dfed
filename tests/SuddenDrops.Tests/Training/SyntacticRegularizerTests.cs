using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Training;

public class SyntacticRegularizerTests
{
    // 2 layers, batch 2, 2 heads, 4 tokens. Gold edges: row 0 word at 1 → head at 2; row 1 word at 3 → head at 1.
    private static SyntacticEdges Edges() => SyntacticEdges.FromArrays([0, 1], [1, 3], [2, 1]);

    /// <summary>Attention with known maxima along the four directed edges, and distractors off the edges.</summary>
    private static Tensor[] Attentions()
    {
        var a = zeros([2, 2, 2, 4, 4]); // [L, B, H, T, T]
        a[0, 0, 0, 1, 2] = tensor(0.3f); // row 0, 1 → 2: layer 0 head 0 …
        a[1, 0, 1, 1, 2] = tensor(0.5f); // … beaten by layer 1 head 1: M(1, 2) = 0.5
        a[1, 1, 0, 3, 1] = tensor(0.7f); // row 1, 3 → 1: M = 0.7
        a[0, 0, 1, 2, 1] = tensor(0.2f); // row 0, 2 → 1 (head → dependent): M = 0.2
        a[0, 1, 1, 1, 3] = tensor(0.1f); // row 1, 1 → 3: M = 0.1
        a[0, 1, 0, 1, 2] = tensor(0.9f); // not an edge of row 1
        a[1, 0, 0, 3, 1] = tensor(0.8f); // not an edge of row 0
        a[0, 0, 0, 2, 2] = tensor(0.6f); // a diagonal entry
        return [a[0].clone().requires_grad_(), a[1].clone().requires_grad_()];
    }

    [Fact]
    public void R_sums_the_max_over_layers_and_heads_along_both_directions_of_every_edge()
    {
        using var scope = NewDisposeScope();
        var attentions = Attentions();
        var maxima = SyntacticRegularizer.EdgeMaxima(attentions, Edges());
        Assert.Equal(new[] { 0.5f, 0.7f, 0.2f, 0.1f }, maxima.data<float>().ToArray()); // dependent → head first, then head → dependent
        Assert.Equal(1.5, SyntacticRegularizer.Compute(attentions, Edges()).item<float>(), 6);
    }

    [Fact]
    public void The_gradient_is_one_at_each_edge_maximum_and_zero_everywhere_else()
    {
        using var scope = NewDisposeScope();
        var attentions = Attentions();
        SyntacticRegularizer.Compute(attentions, Edges()).backward();
        var expected = zeros([2, 2, 2, 4, 4]);
        expected[1, 0, 1, 1, 2] = tensor(1f);
        expected[1, 1, 0, 3, 1] = tensor(1f);
        expected[0, 0, 1, 2, 1] = tensor(1f);
        expected[0, 1, 1, 1, 3] = tensor(1f);
        var gradient = stack([attentions[0].grad!, attentions[1].grad!]);
        Assert.Equal(expected.data<float>().ToArray(), gradient.data<float>().ToArray());
    }

    [Fact]
    public void Tied_maxima_share_the_gradient_and_a_batch_without_edges_gives_zero()
    {
        using var scope = NewDisposeScope();
        var a = full(1, 2, 3, 3, 0.25f).requires_grad_(); // [B=1, H=2, T=3, T=3], one layer, all heads equal
        var r = SyntacticRegularizer.Compute([a], SyntacticEdges.FromArrays([0], [1], [2]));
        Assert.Equal(0.5, r.item<float>(), 6);
        r.backward();
        Assert.Equal(0.5f, a.grad![0, 0, 1, 2].item<float>()); // two heads tie: half each
        Assert.Equal(0.5f, a.grad![0, 1, 2, 1].item<float>());
        Assert.Equal(2.0f, a.grad!.sum().item<float>());

        var none = SyntacticRegularizer.Compute([a], SyntacticEdges.FromArrays([], [], []));
        Assert.Equal(0f, none.item<float>());
    }
}
