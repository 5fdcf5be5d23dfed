using SuddenDrops.Model;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Model;

public class MaskedLanguageModelTests
{
    private static readonly BertConfig Config = new(VocabSize: 50, Layers: 2, Hidden: 32, Heads: 4, Intermediate: 64, MaxPositions: 16);

    private static (Tensor Ids, Tensor Mask) Batch()
    {
        manual_seed(1);
        var ids = randint(5, 50, [3, 10]);
        var mask = ones(3, 10, dtype: ScalarType.Int64);
        mask[1, TensorIndex.Slice(6)] = 0; // row 1 has 4 padded keys
        mask[2, TensorIndex.Slice(9)] = 0; // row 2 has 1
        return (ids, mask);
    }

    [Fact]
    public void Attention_rows_sum_to_one_and_padded_keys_get_zero()
    {
        manual_seed(0);
        using var model = new MaskedLanguageModel(Config);
        model.eval();
        var (ids, mask) = Batch();
        using var output = model.Encode(ids, mask, returnAttentions: true);
        Assert.Equal(2, output.Attentions!.Count);
        foreach (var a in output.Attentions)
        {
            Assert.Equal(new long[] { 3, 4, 10, 10 }, a.shape);
            var rowSums = a.sum(-1);
            Assert.True(allclose(rowSums, ones_like(rowSums), atol: 1e-5));
            Assert.Equal(0f, a[1, TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(6)].abs().max().item<float>());
            Assert.Equal(0f, a[2, TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(9)].abs().max().item<float>());
            Assert.True(a[0].min().item<float>() > 0f);
        }
    }

    [Theory]
    [InlineData(Precision.Fp32, 1e-5)]
    [InlineData(Precision.Bf16, 1e-5)] // same casts in the same order: only the reduction order may differ
    public void Encoding_at_one_position_per_row_equals_the_full_encoding_there(Precision precision, double atol)
    {
        manual_seed(0);
        using var model = new MaskedLanguageModel(Config) { Precision = precision };
        model.eval();
        var (ids, mask) = Batch();
        var positions = tensor(new long[] { 0, 5, 8 }); // row 1: its last real piece; row 2: the one before its padding
        using var noGrad = no_grad();
        using var full = model.Encode(ids, mask);
        using var expected = full.Hidden[TensorIndex.Tensor(arange(3L)), TensorIndex.Tensor(positions)]; // [3, D]
        using var kept = model.EncodeAt(ids, mask, positions);                                             // [3, D]
        Assert.Equal(new long[] { 3, Config.Hidden }, kept.shape);
        Assert.Equal(ScalarType.Float32, kept.dtype);
        Assert.True(allclose(kept, expected, rtol: 1e-4, atol: atol), $"max |Δ| = {(kept - expected).abs().max().item<float>()}");
        using var logits = model.Predict(kept);
        Assert.Equal(new long[] { 3, Config.VocabSize }, logits.shape);
    }

    [Fact]
    public void Encoding_at_positions_refuses_a_model_in_training_mode()
    {
        using var model = new MaskedLanguageModel(Config);
        var (ids, mask) = Batch();
        Assert.Throws<InvalidOperationException>(() => model.EncodeAt(ids, mask, tensor(new long[] { 0, 0, 0 })));
    }

    [Fact]
    public void Fused_attention_kernel_matches_the_explicit_path()
    {
        manual_seed(0);
        using var model = new MaskedLanguageModel(Config);
        model.eval();
        var (ids, mask) = Batch();
        using var fused = model.Encode(ids, mask);
        using var explicitPath = model.Encode(ids, mask, returnAttentions: true);
        Assert.True(allclose(fused.Hidden, explicitPath.Hidden, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Above_the_written_out_length_evaluation_uses_the_fused_kernel_and_agrees()
    {
        // CPU evaluation writes attention out up to SelfAttention.WrittenOutMaxLength pieces (faster for short rows) and
        // uses libtorch's fused kernel above: both must compute the same attention.
        manual_seed(0);
        using var model = new MaskedLanguageModel(Config with { MaxPositions = 160 });
        model.eval();
        long length = SelfAttention.WrittenOutMaxLength + 12;
        var ids = randint(5, 50, [2, length]);
        var mask = ones(2, length, dtype: ScalarType.Int64);
        mask[1, TensorIndex.Slice(100)] = 0;
        using var fused = model.Encode(ids, mask);
        using var explicitPath = model.Encode(ids, mask, returnAttentions: true);
        Assert.True(allclose(fused.Hidden, explicitPath.Hidden, rtol: 1e-4, atol: 1e-5));
        using var shortRows = model.Encode(ids.narrow(1, 0, 20), mask.narrow(1, 0, 20));
        using var shortExplicit = model.Encode(ids.narrow(1, 0, 20), mask.narrow(1, 0, 20), returnAttentions: true);
        Assert.True(allclose(shortRows.Hidden, shortExplicit.Hidden, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Hidden_states_hold_the_embeddings_and_every_layer()
    {
        manual_seed(0);
        using var model = new MaskedLanguageModel(Config);
        model.eval();
        var (ids, mask) = Batch();
        using var output = model.Encode(ids, mask, returnHiddenStates: true);
        Assert.Equal(3, output.HiddenStates!.Count);
        Assert.True(allclose(output.HiddenStates[^1], output.Hidden, rtol: 0, atol: 0));
        Assert.False(allclose(output.HiddenStates[0], output.Hidden, rtol: 1e-3, atol: 1e-3));
    }

    [Fact]
    public void Initialization_follows_bert()
    {
        manual_seed(0);
        using var model = new MaskedLanguageModel(new BertConfig(VocabSize: 3000, Layers: 1, Hidden: 64, Heads: 2, Intermediate: 128));
        var named = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var word = named.First(kv => kv.Key.Contains("word")).Value;
        Assert.Equal(0.0, word[0].abs().sum().item<float>(), 6); // [PAD] row
        Assert.InRange(word.std().item<float>(), 0.018, 0.022);
        foreach (var (name, p) in named.Where(kv => kv.Key.EndsWith("bias")))
            Assert.Equal(0f, p.abs().max().item<float>());
        foreach (var (name, p) in named.Where(kv => kv.Key.Contains("norm") && kv.Key.EndsWith("weight")))
            Assert.Equal(1f, p.min().item<float>());
    }

    [Fact]
    public void A_training_step_runs_backward_and_lowers_the_loss_on_a_fixed_batch()
    {
        manual_seed(0);
        using var model = new MaskedLanguageModel(Config with { Dropout = 0 });
        var (ids, mask) = Batch();
        using var positions = tensor(new long[] { 1, 3, 12, 15, 25 });
        using var targets = ids.reshape(-1).index_select(0, positions);
        var optimizer = optim.AdamW(model.parameters(), 1e-2);
        double first = 0, lastLoss = 0;
        for (int i = 0; i < 5; i++)
        {
            using var scope = NewDisposeScope();
            using var output = model.Encode(ids, mask);
            var loss = nn.functional.cross_entropy(model.PredictAt(output.Hidden, positions), targets);
            optimizer.zero_grad();
            loss.backward();
            if (i == 0)
            {
                first = loss.item<float>();
                Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
            }
            lastLoss = loss.item<float>();
            optimizer.step();
        }
        Assert.True(lastLoss < first - 0.5, $"loss {first} → {lastLoss}");
    }
}
