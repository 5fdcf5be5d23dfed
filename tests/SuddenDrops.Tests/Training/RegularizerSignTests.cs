using SuddenDrops.Model;
using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Training;

/// <summary>One optimiser step of L_MLM + λ·R on a fixed batch moves attention on gold edges the way the variant's name says.</summary>
public class RegularizerSignTests
{
    private static readonly BertConfig Shape = new(VocabSize: 40, Layers: 2, Hidden: 32, Heads: 4, Intermediate: 64, MaxPositions: 16, Dropout: 0);

    /// <summary>Two rows of 10 tokens ([CLS] 8 words [SEP]) with a right-branching chain and a flat tree, some positions masked.</summary>
    private static MaskedBatch Batch()
    {
        long[] ids =
        [
            2, 7, 4, 9, 12, 15, 4, 21, 30, 3,
            2, 11, 13, 17, 19, 4, 23, 29, 31, 3,
        ];
        var edges = SyntacticEdges.FromArrays(
            rows: [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1],
            dependents: [1, 2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 7, 8],
            heads: [2, 3, 4, 5, 6, 7, 8, 1, 1, 1, 1, 1, 1, 1]);
        return new MaskedBatch(tensor(ids, [2, 10]), ones(2, 10, ScalarType.Int64), tensor(new long[] { 2, 6, 15 }),
            tensor(new long[] { 5, 6, 14 }), edges);
    }

    private static double GoldAttention(MaskedLanguageModel model, MaskedBatch batch)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return RegularizedLoss.Compute(model, batch, lambda: 0, measure: true).Regularizer!.item<float>();
    }

    /// <summary>R before and after one AdamW step on L = L_MLM + λ·R, λ from the variant and |λ| = 1, from the same initial weights.</summary>
    private static (double Before, double After) OneStep(SasVariant variant, int seed, long step = 0)
    {
        manual_seed(seed);
        using var model = new MaskedLanguageModel(Shape, padId: 0);
        model.train();
        using var batch = Batch();
        using var optimizer = OptimizerFactory.Create(model, new OptimizerConfig(LearningRate: 1e-3, WarmupSteps: 0));
        var before = GoldAttention(model, batch);
        using (var scope = NewDisposeScope())
        {
            var losses = RegularizedLoss.Compute(model, batch, variant.LambdaAt(step, magnitude: 1.0));
            optimizer.zero_grad();
            losses.Total.backward();
            optimizer.step();
        }
        return (before, GoldAttention(model, batch));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sas_plus_raises_attention_on_gold_edges_and_sas_minus_lowers_it(int seed)
    {
        var plus = OneStep(SasVariant.SasPlus, seed);
        var minus = OneStep(SasVariant.SasMinus, seed);
        Assert.Equal(plus.Before, minus.Before, 6); // same initial model
        Assert.True(plus.After > plus.Before, $"SAS+: R {plus.Before:F4} → {plus.After:F4}");
        Assert.True(minus.After < minus.Before, $"SAS−: R {minus.Before:F4} → {minus.After:F4}");
    }

    [Fact]
    public void Sas_minus_at_k_suppresses_before_step_k_and_trains_exactly_like_the_baseline_from_k_on()
    {
        var variant = SasVariant.SasMinusReleasedAt(5);
        var baseline = OneStep(SasVariant.Baseline, 4, step: 4);
        var suppressed = OneStep(variant, 4, step: 4);
        var released = OneStep(variant, 4, step: 5);
        Assert.True(suppressed.After < baseline.After, $"step 4: {suppressed.After:F4} vs baseline {baseline.After:F4}");
        Assert.Equal(baseline.After, released.After); // λ = 0: the same fused forward pass, bit for bit
    }

    [Fact]
    public void Without_lambda_no_attention_is_materialized_and_R_is_absent()
    {
        manual_seed(5);
        using var model = new MaskedLanguageModel(Shape, padId: 0);
        using var batch = Batch();
        using var scope = NewDisposeScope();
        var losses = RegularizedLoss.Compute(model, batch, lambda: 0);
        Assert.Null(losses.Regularizer);
        Assert.Same(losses.Mlm, losses.Total);
        Assert.Equal(0, losses.DirectedEdges);
        var measured = RegularizedLoss.Compute(model, batch, lambda: 0, measure: true);
        Assert.Equal(28, measured.DirectedEdges);
        Assert.False(measured.Regularizer!.requires_grad); // logged, not trained on
        var penalized = RegularizedLoss.Compute(model, batch, lambda: 0.25);
        Assert.Equal(penalized.Mlm.item<float>() + 0.25 * penalized.Regularizer!.item<float>(), penalized.Total.item<float>(), 5);
    }

    [Fact]
    public void Per_edge_lambda_weighs_the_mean_over_directed_edges()
    {
        manual_seed(5);
        using var model = new MaskedLanguageModel(Shape, padId: 0);
        using var batch = Batch();
        using var scope = NewDisposeScope();
        var sum = RegularizedLoss.Compute(model, batch, lambda: 0.25);
        var perEdge = RegularizedLoss.Compute(model, batch, lambda: 0.25, scale: LambdaScale.PerEdge);
        Assert.Equal(sum.Regularizer!.item<float>(), perEdge.Regularizer!.item<float>(), 5); // R itself is logged either way
        Assert.Equal(0.25 / 28, perEdge.Weight, 12);
        Assert.Equal(perEdge.Mlm.item<float>() + 0.25 / 28 * perEdge.Regularizer!.item<float>(), perEdge.Total.item<float>(), 5);
        Assert.Equal(0.25, sum.Weight);
    }
}
