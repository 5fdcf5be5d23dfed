using Plotly.NET;
using SuddenDrops.Analysis;
using SuddenDrops.Figures;
using SuddenDrops.Runs;
using SuddenDrops.Tests.Notebooks;
using SuddenDrops.Tests.Runs;
using SuddenDrops.Training;
using Xunit.Abstractions;

namespace SuddenDrops.Tests.Figures;

/// <summary>
/// Every figure saved as self-contained HTML and rendered to PNG by headless Chromium, checked by the colours it must show:
/// a figure whose curves fail to draw comes out as axes on a blank background and fails here.
/// </summary>
public sealed class FigureRenderingTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder scratch = new("sdrops-figures-");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Two_stage_transition_of_the_reference_run_draws_both_curves_and_the_baseline()
    {
        var chart = TwoStageTransitionFigure.Create(RunSet.Load(CommittedRuns.Gpu).Select("small").Runs);

        var image = Render(chart, "two-stage");

        Assert.Equal((1116, 496), (image.Width, image.Height));
        Assert.True(FigurePixels.Count(image, FigureStyle.RunColor(0)) > 1500, "the loss and UAS curves of the run");
        Assert.True(FigurePixels.Count(image, FigureStyle.ReferenceGray) > 150, "the dashed offset baseline");
    }

    [Fact]
    public void Two_stage_transition_adds_a_blimp_panel_when_runs_measure_it()
    {
        var runs = RunSet.Load(SyntheticRuns.Sweep(scratch.Path)).OfVariant(SasVariant.Baseline);

        var chart = TwoStageTransitionFigure.Create(runs);

        Assert.Equal((1400, 480), FigureFile.SizeOf(chart));
        var image = Render(chart, "two-stage-blimp");
        Assert.True(FigurePixels.Count(image, FigureStyle.RunColor(0)) > 1500);
        Assert.True(FigurePixels.Count(image, FigureStyle.RunColor(1)) > 1500);
        Assert.Contains("\"xaxis3\"", GenericChart.toJson(chart));
    }

    [Fact]
    public void Simplicity_dip_draws_one_line_per_layer()
    {
        var runs = RunSet.Load(SyntheticRuns.Sweep(scratch.Path)).Runs;

        var image = Render(SimplicityDipFigure.Create(runs), "dip");

        Assert.True(FigurePixels.Count(image, FigureStyle.LayerColor(0, 2)) > 1000, "the embedding layer's curves");
        Assert.True(FigurePixels.Count(image, FigureStyle.LayerColor(2, 2)) > 1000, "the last layer's curves");
    }

    [Fact]
    public void Simplicity_dip_without_twonn_columns_says_so_in_the_figure()
    {
        var runs = RunSet.Load(CommittedRuns.Gpu).Runs;

        var chart = SimplicityDipFigure.Create(runs);

        Assert.Contains("trained before the TwoNN checkpoint probe existed", SimplicityDipFigure.MissingReason(runs));
        Assert.Contains("TwoNN", GenericChart.toJson(chart));
        Assert.True(FigurePixels.Count(Render(chart, "dip-missing"), "#b22222") > 300, "the red message");
    }

    [Fact]
    public void Sas_variants_draw_base_sas_plus_and_sas_minus_in_their_colors()
    {
        var runs = RunSet.Load(SyntheticRuns.Sweep(scratch.Path));

        var image = Render(SasVariantsFigure.Create(runs), "sas");

        Assert.Empty(SasVariantsFigure.Missing(runs));
        foreach (var color in new[] { FigureStyle.BaseColor, FigureStyle.PromotedColor, FigureStyle.SuppressedColor })
            Assert.True(FigurePixels.Count(image, color) > 1000, $"curves in {color}");
    }

    [Fact]
    public void Sas_variants_name_the_missing_variant()
    {
        var folder = Path.Combine(scratch.Path, "partial");
        SyntheticRuns.Write(folder, "base-s1", 2000);
        SyntheticRuns.Write(folder, "sas+-s1", 1200);
        var runs = RunSet.Load(folder);

        var json = GenericChart.toJson(SasVariantsFigure.Create(runs));

        Assert.Equal([SasVariant.SasMinus], SasVariantsFigure.Missing(runs));
        Assert.Contains("Missing: SAS−", json);
    }

    [Fact]
    public void Early_suppression_draws_each_release_step_and_the_endpoints_against_k()
    {
        var runs = RunSet.Load(SyntheticRuns.Sweep(scratch.Path));

        var chart = EarlySuppressionFigure.Create(runs);

        var image = Render(chart, "early");
        Assert.True(FigurePixels.Count(image, FigureStyle.VariantColor(SasVariant.SasMinusReleasedAt(500), [500, 3000])) > 500, "SAS−(500)");
        Assert.True(FigurePixels.Count(image, FigureStyle.VariantColor(SasVariant.SasMinusReleasedAt(3000), [500, 3000])) > 500, "SAS−(3000)");
        Assert.Contains("\"y\":[0.57]", GenericChart.toJson(chart)); // the GLUE average of sas-@500-s1, from its evals/glue-step-0004000.json
    }

    [Fact]
    public void Figures_of_an_empty_folder_say_there_is_nothing_yet()
    {
        var empty = RunSet.Load(Path.Combine(scratch.Path, "tiny-sas"));

        foreach (var chart in new[] { SasVariantsFigure.Create(empty), EarlySuppressionFigure.Create(empty), TwoStageTransitionFigure.Create(empty.Runs) })
            Assert.Contains("No ", GenericChart.toJson(chart));
        Assert.True(FigurePixels.Count(Render(SasVariantsFigure.Create(empty), "empty"), "#b22222") > 300);
    }

    [Fact]
    public void Dependency_tree_draws_arcs_and_relation_labels()
    {
        var sentence = ExampleSentence.Pick(SuddenDrops.Data.ConlluReader.Read(SuddenDrops.Tests.Metrics.UasTestData.EwtDev));

        var chart = DependencyTreeFigure.Create(sentence);

        var json = GenericChart.toJson(chart);
        foreach (var relation in sentence.Relations.Where(r => r != "root"))
            Assert.Contains($"\"text\":\"{relation}\"", json);
        var image = Render(chart, "tree");
        Assert.True(FigurePixels.Count(image, "#222222", 25) > 800, "the arcs");
    }

    private PngImage Render(GenericChart chart, string name)
    {
        var saved = FigureFile.Save(chart, Path.Combine(scratch.Path, name + ".html"), Path.Combine(scratch.Path, name + ".png"));
        var image = PngImage.Load(saved.PngPath!);
        output.WriteLine($"{name}: {image.Width}x{image.Height}, {FigurePixels.Drawn(image)} drawn pixels");
        Assert.True(FigurePixels.Drawn(image) > 5000, $"{name}: the screenshot is nearly blank");
        return image;
    }
}
