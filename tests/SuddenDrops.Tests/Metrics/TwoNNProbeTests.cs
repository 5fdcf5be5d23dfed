using SuddenDrops.Data;
using SuddenDrops.Metrics;
using SuddenDrops.Tests.Text;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Metrics;

public class TwoNNProbeTests
{
    private static readonly Lazy<List<DependencySentence>> EwtDev = new(() => ConlluReader.Read(SharedData.PathOf("ud/en_ewt-ud-dev.conllu")).ToList());

    private static IntrinsicDimensionEvaluation Sample(int points, int maxPieces = 40, int seed = 0) =>
        new(EwtDev.Value.Select(s => s.Words), TextTestData.Encoder, maxPieces, points, seed);

    [Fact]
    public void The_sample_holds_n_sentences_that_fit_and_n_distinct_token_positions()
    {
        var sample = Sample(points: 300);
        Assert.Equal(300, sample.SentenceCount);
        Assert.Equal(300, sample.TokenCount);
        Assert.True(sample.SentencesSkipped > 0, "EWT dev has sentences longer than 40 pieces among its first ones");
        Assert.All(sample.Sentences, s => Assert.InRange(s.PieceCount, 3, 40));
        Assert.Equal(300, sample.TokenPositions.Distinct().Count());
        Assert.All(sample.TokenPositions, t => Assert.InRange(t.Position, 1, sample.Sentences[t.Sentence].PieceCount - 2));
        Assert.True(sample.TokenPositions.Select(t => t.Sentence).Distinct().Count() > 100, "points are spread over the sentences");
        Assert.Equal(sample.TokenPositions, Sample(points: 300).TokenPositions);
        Assert.NotEqual(sample.TokenPositions, Sample(points: 300, seed: 1).TokenPositions);
    }

    [Fact]
    public void Representations_are_the_hidden_states_of_each_point_and_of_each_cls()
    {
        var sample = Sample(points: 150);
        using var model = PseudoLogLikelihoodTests.TinyModel(seed: 7);
        var (tokens, cls) = sample.Representations(model, CPU);
        Assert.Equal(3, tokens.Length);
        Assert.Equal(150 * 32, tokens[0].Length);
        Assert.Equal(150 * 32, cls[2].Length);
        foreach (var point in new[] { 0, 77, 149 })
        {
            var (sentence, position) = sample.TokenPositions[point];
            var ids = sample.Sentences[sentence].PieceIds.Select(i => (long)i).ToArray();
            using var input = tensor(ids, [1, ids.Length]);
            using var output = model.Encode(input, ones_like(input), returnHiddenStates: true);
            for (var layer = 0; layer < 3; layer++)
            {
                var alone = output.HiddenStates![layer][0, position].data<float>().ToArray();
                Assert.Equal(alone, tokens[layer].AsSpan(point * 32, 32).ToArray(), new ToleranceComparer(1e-4f));
                if (point == 0)
                {
                    var firstCls = output.HiddenStates[layer][0, 0].data<float>().ToArray();
                    Assert.Equal(firstCls, cls[layer].AsSpan(sentence * 32, 32).ToArray(), new ToleranceComparer(1e-4f));
                }
            }
        }
    }

    [Fact]
    public void The_probe_writes_one_column_per_layer_metric_and_cloud()
    {
        using var model = PseudoLogLikelihoodTests.TinyModel(seed: 8);
        var columns = new TwoNNProbe(Sample(points: 200), CPU).Measure(model, step: 0);
        Assert.Equal(
            ["id_L0", "id_L1", "id_L2", "id_cos_L0", "id_cos_L1", "id_cos_L2", "id_cls_L1", "id_cls_L2", "id_cls_cos_L1", "id_cls_cos_L2"],
            columns.Keys);
        Assert.All(columns.Values, v => Assert.InRange((double)v!, 0.5, 32.0 * 2));
    }

    [Fact]
    public void The_report_covers_the_embeddings_and_every_block()
    {
        using var model = PseudoLogLikelihoodTests.TinyModel(seed: 9);
        var report = Sample(points: 120).Evaluate(model, CPU);
        Assert.Equal([0, 1, 2], report.Layers.Select(l => l.Layer));
        Assert.Null(report.Layers[0].ClsEuclidean); // [CLS] embeds identically in every sentence
        Assert.NotNull(report.Layers[2].ClsCosine);
        Assert.Equal(120, report.TokenPoints);
        Assert.Equal(120, report.Sentences);
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float value) => 0;
    }
}
