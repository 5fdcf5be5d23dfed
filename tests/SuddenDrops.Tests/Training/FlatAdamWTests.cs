using SuddenDrops.Model;
using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Training;

/// <summary>The flat AdamW against TorchSharp's per-parameter AdamW, and its checkpoints in TorchSharp's format.</summary>
public class FlatAdamWTests : IDisposable
{
    private readonly TempFolder temp = new("sdrops-flatadamw-");

    public void Dispose() => temp.Dispose();

    private static readonly BertConfig Shape = new(VocabSize: 60, Layers: 2, Hidden: 16, Heads: 2, Intermediate: 32, MaxPositions: 16, Dropout: 0);
    private static readonly OptimizerConfig Adam = new(LearningRate: 3e-2, WeightDecay: 0.1, WarmupSteps: 0, ClipNorm: 0.5);

    private static MaskedLanguageModel NewModel()
    {
        manual_seed(11);
        return new MaskedLanguageModel(Shape);
    }

    /// <summary>A fixed masked batch: ids 5…59, every third position a target.</summary>
    private static MaskedBatch Batch(int seed)
    {
        var rng = new Random(seed);
        var ids = Enumerable.Range(0, 4 * 12).Select(_ => 5 + rng.Next(55)).ToArray();
        var masker = new MlmMasker(new MaskingConfig(), 60, 4, new HashSet<int> { 0, 1, 2, 3, 4 });
        return masker.Apply(ids, Enumerable.Repeat(true, ids.Length).ToArray(), 4, 12, rng);
    }

    private static Tensor Loss(MaskedLanguageModel model, MaskedBatch batch)
    {
        using var output = model.Encode(batch.InputIds, null);
        using var logits = model.PredictAt(output.Hidden, batch.TargetPositions);
        return nn.functional.cross_entropy(logits, batch.TargetIds);
    }

    private static float[] Flat(MaskedLanguageModel model) =>
        model.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    [Fact]
    public void Five_updates_equal_TorchSharps_AdamW_with_clipping_and_BERTs_decay_groups()
    {
        using var reference = NewModel();
        using var flat = NewModel();
        Assert.Equal(Flat(reference), Flat(flat));
        using var adam = OptimizerFactory.Create(reference, Adam);
        using var ours = new FlatAdamW(flat, Adam);
        for (int step = 0; step < 5; step++)
        {
            var lr = Adam.LearningRate * (step + 1) / 5;
            using var batch = Batch(step);
            using (var loss = Loss(reference, batch))
            {
                adam.zero_grad();
                loss.backward();
                GradientClipping.ClipGlobalNorm(reference.parameters(), Adam.ClipNorm).Dispose();
                OptimizerFactory.SetLearningRate(adam, lr);
                adam.step();
            }
            using (var loss = Loss(flat, batch))
            {
                ours.ZeroGrad();
                loss.backward();
                ours.ClipGradNorm(Adam.ClipNorm).Dispose();
                ours.LearningRate = lr;
                ours.Step();
            }
        }
        var a = Flat(reference);
        var b = Flat(flat);
        Assert.Equal(a.Length, b.Length);
        double worst = a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
        Assert.True(worst < 1e-5, $"largest difference {worst:E2}");
        Assert.NotEqual(Flat(NewModel()), b); // the weights did move
        Assert.Equal(5, ours.StepCount);
    }

    [Fact]
    public void Its_state_is_TorchSharps_AdamW_format_both_ways()
    {
        using var model = NewModel();
        using var ours = new FlatAdamW(model, Adam) { LearningRate = 1e-2 };
        for (int step = 0; step < 3; step++)
        {
            using var batch = Batch(step);
            using var loss = Loss(model, batch);
            ours.ZeroGrad();
            loss.backward();
            ours.Step();
        }
        var path = Path.Combine(temp.Path, "optimizer.bin");
        ours.Save(path);

        // TorchSharp's AdamW reads it: same step count and moments
        using var twin = NewModel();
        using var adam = OptimizerFactory.Create(twin, Adam);
        adam.load_state_dict(path);
        var states = adam.state_dict().State.Cast<TorchSharp.Modules.AdamW.State>().ToList();
        Assert.All(states, s => Assert.Equal(3, s.step));
        Assert.Contains(states, s => s.exp_avg.abs().sum().item<float>() > 0);

        // and a state written by TorchSharp's AdamW loads into a fresh flat optimizer, which then steps like the original
        var copy = Path.Combine(temp.Path, "copy.bin");
        adam.save_state_dict(copy);
        using var resumedModel = NewModel();
        using (no_grad())
            foreach (var (p, q) in resumedModel.parameters().Zip(model.parameters())) p.copy_(q);
        using var resumed = new FlatAdamW(resumedModel, Adam) { LearningRate = 1e-2 };
        resumed.Load(copy);
        Assert.Equal(3, resumed.StepCount);
        foreach (var (m, opt) in new[] { (model, ours), (resumedModel, resumed) })
        {
            using var batch = Batch(7);
            using var loss = Loss(m, batch);
            opt.ZeroGrad();
            loss.backward();
            opt.Step();
        }
        Assert.Equal(Flat(model), Flat(resumedModel));
    }

    [Fact]
    public void A_modules_own_zero_grad_cannot_detach_the_flat_gradient()
    {
        using var model = NewModel();
        using var ours = new FlatAdamW(model, Adam) { LearningRate = 1e-2 };
        model.zero_grad(); // TorchSharp sets the gradients to null (or zeroes new tensors)
        ours.ZeroGrad();   // re-attaches the views
        using var batch = Batch(1);
        using var loss = Loss(model, batch);
        loss.backward();
        var before = Flat(model);
        ours.Step();
        Assert.NotEqual(before, Flat(model)); // the update saw the gradient
    }
}
