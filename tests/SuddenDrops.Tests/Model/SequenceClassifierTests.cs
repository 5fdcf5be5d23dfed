using SuddenDrops.Model;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Model;

public class SequenceClassifierTests
{
    private static readonly BertConfig Config = new(VocabSize: 60, Layers: 2, Hidden: 32, Heads: 4, Intermediate: 64, MaxPositions: 16);

    private static (Tensor Ids, Tensor Mask, Tensor Types) Batch()
    {
        manual_seed(11);
        var ids = randint(5, 60, [4, 9]);
        ids[TensorIndex.Colon, 0] = 2; // [CLS]
        var mask = ones(4, 9, dtype: ScalarType.Int64);
        mask[1, TensorIndex.Slice(5)] = 0;
        var types = zeros(4, 9, dtype: ScalarType.Int64);
        types[TensorIndex.Colon, TensorIndex.Slice(5)] = 1;
        return (ids, mask, types);
    }

    [Fact]
    public void Forward_gives_one_row_of_logits_per_input_and_backward_reaches_every_trained_parameter()
    {
        manual_seed(0);
        using var classifier = new SequenceClassifier(new MaskedLanguageModel(Config), outputs: 3);
        var (ids, mask, types) = Batch();
        using var logits = classifier.Forward(ids, mask, types);
        Assert.Equal(new long[] { 4, 3 }, logits.shape);
        using var loss = classifier.Loss(logits, tensor(new long[] { 0, 1, 2, 1 }));
        loss.backward();
        var named = classifier.named_parameters().ToList();
        Assert.Contains(named, p => p.name.StartsWith("pooler"));
        Assert.Contains(named, p => p.name.StartsWith("output"));
        foreach (var (name, p) in named)
        {
            var mlmHead = name.StartsWith("encoder.head.");
            Assert.Equal(!mlmHead, p.requires_grad);
            if (mlmHead) Assert.True(p.grad is null, name);
            else Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0, $"{name} got no gradient");
        }
    }

    [Fact]
    public void Padding_does_not_change_the_output_and_token_types_do()
    {
        manual_seed(0);
        using var classifier = new SequenceClassifier(new MaskedLanguageModel(Config), outputs: 2);
        classifier.eval();
        var (ids, mask, types) = Batch();
        using var full = classifier.Forward(ids, mask, types);
        using var cut = classifier.Forward(ids[TensorIndex.Slice(1, 2), TensorIndex.Slice(0, 5)], mask[TensorIndex.Slice(1, 2), TensorIndex.Slice(0, 5)],
            types[TensorIndex.Slice(1, 2), TensorIndex.Slice(0, 5)]);
        Assert.True(allclose(full[1], cut[0], rtol: 1e-4, atol: 1e-5));
        using var noTypes = classifier.Forward(ids, mask);
        Assert.False(allclose(full, noTypes, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Regression_has_one_output_and_a_squared_error_loss()
    {
        manual_seed(0);
        using var classifier = new SequenceClassifier(new MaskedLanguageModel(Config), outputs: 1);
        classifier.eval();
        var (ids, mask, types) = Batch();
        using var values = classifier.Forward(ids, mask, types);
        Assert.Equal(new long[] { 4, 1 }, values.shape);
        var targets = new[] { 0f, 1.5f, 3f, 5f };
        var predicted = classifier.Predictions(values);
        var expected = predicted.Zip(targets, (p, t) => (p - t) * (p - t)).Average();
        using var loss = classifier.Loss(values, tensor(targets));
        Assert.Equal(expected, loss.item<float>(), 4);
    }
}
