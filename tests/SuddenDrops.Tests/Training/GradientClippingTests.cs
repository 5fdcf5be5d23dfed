using SuddenDrops.Model;
using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Training;

public class GradientClippingTests
{
    private static readonly BertConfig Config = new(VocabSize: 120, Layers: 1, Hidden: 32, Heads: 2, Intermediate: 64, MaxPositions: 16, Dropout: 0);

    /// <summary>A model with gradients of one fixed batch, scaled by <paramref name="scale"/>.</summary>
    private static MaskedLanguageModel WithGradients(float scale)
    {
        manual_seed(0);
        var model = new MaskedLanguageModel(Config);
        manual_seed(1);
        using var ids = randint(5, 120, [2, 12]);
        using var positions = tensor(new long[] { 2, 5, 17 });
        using var targets = ids.reshape(-1).index_select(0, positions);
        using var scope = NewDisposeScope();
        using var output = model.Encode(ids, null);
        (nn.functional.cross_entropy(model.PredictAt(output.Hidden, positions), targets) * scale).backward();
        return model;
    }

    [Theory]
    [InlineData(1f, 0.05)]  // norm above the threshold: scaled down to it
    [InlineData(1f, 100.0)] // below: untouched
    [InlineData(1e3f, 1.0)]
    public void Matches_libtorch_clip_grad_norm_on_every_gradient(float scale, double maxNorm)
    {
        using var ours = WithGradients(scale);
        using var reference = WithGradients(scale);
        using var norm = GradientClipping.ClipGlobalNorm(ours.parameters(), maxNorm);
        double expectedNorm = nn.utils.clip_grad_norm_(reference.parameters(), maxNorm);

        Assert.Equal(0, norm.dim());
        Assert.Equal(expectedNorm, norm.item<float>(), expectedNorm * 1e-6);
        var a = ours.parameters().ToList();
        var b = reference.parameters().ToList();
        for (int i = 0; i < a.Count; i++)
            Assert.True(allclose(a[i].grad!, b[i].grad!, rtol: 1e-6, atol: 0), $"parameter {i} differs after clipping");
        using var after = stack(a.Select(p => p.grad!.norm())).norm();
        Assert.Equal(Math.Min(expectedNorm, maxNorm), after.item<float>(), Math.Min(expectedNorm, maxNorm) * 1e-4);
    }
}
