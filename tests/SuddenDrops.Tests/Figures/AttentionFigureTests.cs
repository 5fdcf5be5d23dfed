using Plotly.NET;
using SuddenDrops.Analysis;
using SuddenDrops.Data;
using SuddenDrops.Figures;
using SuddenDrops.Metrics;
using SuddenDrops.Tests.Metrics;
using SuddenDrops.Tests.Notebooks;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Figures;

/// <summary>The committed CPU tiny checkpoint's attention on a treebank sentence, and the figure made of it.</summary>
public sealed class AttentionFigureTests : IDisposable
{
    private readonly TempFolder scratch = new("sdrops-attention-");
    private readonly TrainedModel model = TrainedModel.Load(CommittedRuns.CpuTiny);
    private readonly DependencySentence sentence = ExampleSentence.Pick(ConlluReader.Read(UasTestData.EwtDev));

    public void Dispose()
    {
        model.Dispose();
        scratch.Dispose();
    }

    [Fact]
    public void Sentence_attention_is_word_level_and_each_row_still_sums_to_one()
    {
        var attention = SentenceAttention.Of(model, sentence);

        Assert.Equal((model.Config.Model.Layers, model.Config.Model.Heads, sentence.Count), (attention.Layers, attention.Heads, attention.WordCount));
        for (var layer = 0; layer < attention.Layers; layer++)
            for (var head = 0; head < attention.Heads; head++)
                for (var from = 0; from < attention.Size; from++)
                {
                    var row = Enumerable.Range(0, attention.Size).Sum(to => attention.At(layer, head, from, to));
                    Assert.InRange(row, 0.999, 1.001);
                }
    }

    [Fact]
    public void Heatmap_title_counts_the_heads_the_parse_gets_right_and_the_png_shows_the_map()
    {
        var attention = SentenceAttention.Of(model, sentence);
        var predicted = ImplicitParse.PredictHeads(attention.Trim(), 0, 1, AttentionDirection.HeadToDependent);
        var right = ParseComparison.Compare(sentence, predicted).Count(w => w.Correct);

        var chart = AttentionHeatmapFigure.Create(sentence, attention, 0, 1, AttentionDirection.HeadToDependent);

        Assert.Contains($"{right} of {sentence.Count} heads right", GenericChart.toJson(chart));
        var saved = FigureFile.Save(chart, Path.Combine(scratch.Path, "heatmap.html"), Path.Combine(scratch.Path, "heatmap.png"));
        var image = PngImage.Load(saved.PngPath!);
        Assert.True(FigurePixels.Count(image, "#2171b5", 40) + FigurePixels.Count(image, "#08306b", 40) > 300, "the strongest attention cells");
        Assert.True(FigurePixels.Count(image, "#222222", 25) > 500, "the gold tree's arcs");
    }

    [Fact]
    public void A_sentence_longer_than_the_model_context_is_refused_by_name()
    {
        var words = Enumerable.Repeat("word", 80).ToArray();
        var long_ = new DependencySentence("too-long", words, [0, .. Enumerable.Repeat(1, 79)], [.. Enumerable.Repeat("dep", 80)], [.. Enumerable.Repeat("NOUN", 80)]);

        var error = Assert.Throws<ArgumentException>(() => SentenceAttention.Of(model, long_));
        Assert.Contains("too-long", error.Message);
    }
}
