using System.Text.Json;
using SuddenDrops.Figures;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Figures;

/// <summary>
/// The "two scales, two stages" figure (issue 17/19) on committed runs: two scales with different tokens per step share one
/// axis of training tokens, each run is named by scale and seed in the legend, regularised runs are left out, and the BLiMP
/// panel carries each run's UAS ⏺ as a vertical line.
/// </summary>
public sealed class TwoScalesFigureTests
{
    [Fact]
    public void Runs_of_two_scales_share_an_axis_of_tokens_and_are_named_by_scale_and_seed()
    {
        var sixteenK = RunSet.Load(CommittedRuns.TinySas16k);
        var tiny = sixteenK.OfVariant(SasVariant.Baseline);
        var gpuSmall = RecordedRun.Load(CommittedRuns.GpuRun("small"));
        Assert.Equal(2, tiny.Count);
        Assert.NotEqual(tiny[0].TokensPerStep, gpuSmall.TokensPerStep); // 64 × 64 against 128 × 128: steps would not line up

        var chart = ChartJson.Of(TwoScalesFigure.Create([("tiny", sixteenK.Runs), ("small", [gpuSmall])]));

        var lossCurves = chart.Traces.Where(t => ChartJson.Text(t, "xaxis") == "x" && t.TryGetProperty("text", out _) && ChartJson.Name(t).Contains("seed", StringComparison.Ordinal)).ToList();
        Assert.Equal(["tiny · seed 1", "tiny · seed 2", "small · seed 0"], lossCurves.Select(ChartJson.Name));
        foreach (var (trace, run) in lossCurves.Zip(tiny.Append(gpuSmall)))
        {
            var lastStep = run.Series(MetricColumns.EvalLoss).Steps[^1];
            Assert.Equal(lastStep * run.TokensPerStep / 1e6, X(trace)[^1], 6);
        }
        Assert.DoesNotContain(chart.Traces, t => ChartJson.Name(t).Contains("@", StringComparison.Ordinal)); // SAS−(k) runs left out
        Assert.All(chart.XAxes.Values, axis => Assert.Equal("training tokens (millions)", axis.GetProperty("title").GetProperty("text").GetString()));
    }

    [Fact]
    public void The_blimp_panel_marks_each_runs_uas_plateau_and_the_figure_gives_each_runs_stage_two_verdict()
    {
        var tiny = RunSet.Load(CommittedRuns.TinySas16k).OfVariant(SasVariant.Baseline);

        var chart = ChartJson.Of(TwoScalesFigure.Create([("tiny", tiny)]));

        var shapes = chart.Layout.GetProperty("shapes").EnumerateArray().Where(s => ChartJson.Text(s, "xref") == "x3").ToList();
        Assert.Equal(tiny.Count, shapes.Count);
        foreach (var (shape, run) in shapes.Zip(tiny))
        {
            var plateau = SuddenDrops.Analysis.TransitionSummary.Of(run).CapabilitiesOnsetStep!.Value;
            Assert.Equal(plateau * run.TokensPerStep / 1e6, shape.GetProperty("x0").GetDouble(), 6);
        }
        var notes = string.Join(" ", chart.Annotations).Replace("<br>", " ", StringComparison.Ordinal);
        Assert.Contains("tiny · seed 1 does not show", notes); // BLiMP stays at chance at this scale
    }

    [Fact]
    public void The_chance_band_is_as_wide_as_the_smallest_blimp_sample_drawn_the_reference_run_included()
    {
        var scales = SuddenDrops.Analysis.ReproductionTables.TwoScales(CommittedRuns.Root, SharedData.Root);
        var runs = scales.SelectMany(s => s.Runs).Where(r => r.Has(MetricColumns.Blimp)).ToList();
        Assert.Contains(runs, r => r.Name == ReferenceRun.FolderName);
        Assert.All(runs, r => Assert.Equal(20, r.BlimpPerParadigm)); // every probed run of the figure: 1,340 pairs

        var chart = ChartJson.Of(TwoScalesFigure.Create(scales));

        var chance = chart.Traces.Where(t => ChartJson.Name(t).StartsWith("BLiMP chance", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(chance);
        Assert.All(chance, t => Assert.Contains("(0.014, n = 1,340 pairs)", ChartJson.Name(t))); // √(0.25 / 1,340)
    }

    private static IReadOnlyList<double> X(JsonElement trace) =>
        [.. trace.GetProperty("x").EnumerateArray().Select(v => v.GetDouble())];
}
