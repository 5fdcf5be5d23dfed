using SuddenDrops.Analysis;
using SuddenDrops.Figures;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Figures;

/// <summary>
/// Issue 19's figure items, checked on the committed runs through each figure's plotly JSON: Figure 1 shows base runs only;
/// ▲/⏺ only where the UAS rise meets the verdict rule; BLiMP panels show chance ± 1 SE; the GLUE panel its majority-class
/// and untrained levels; the loss axis is fitted after warm-up; TwoNN is on a log axis; regularised runs' titles name
/// |λ|, horizon and scale; seeds' line styles are in the legend; no panel is left blank; every step axis has one format.
/// </summary>
public sealed class FigureClarityTests : IDisposable
{
    private readonly TempFolder scratch = new("sdrops-clarity-");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Figure_1_built_from_a_set_with_sas_variants_draws_only_the_base_runs()
    {
        var runs = RunSet.Load(CommittedRuns.TinySas);
        Assert.Contains(runs.Runs, r => !TwoStageTransitionFigure.IsBase(r)); // the set does mix in SAS+, SAS− and SAS−(2000)

        var chart = ChartJson.Of(TwoStageTransitionFigure.Create(runs.Runs));

        var drawn = chart.Traces.Where(t => t.TryGetProperty("xaxis", out _)).Select(ChartJson.Name).ToList();
        Assert.DoesNotContain(drawn, name => name.StartsWith("sas", StringComparison.Ordinal));
        foreach (var name in new[] { "base-s0", "base-s1", "base-s2" })
            Assert.Contains(name, drawn);
        Assert.Equal(["base-s0", "base-s1", "base-s2"], TwoStageTransitionFigure.Drawable(runs.Runs).Select(r => r.Name));
        Assert.Contains(chart.Annotations, a => a.Contains("left out: sas+-s0, sas--s0, sas-@2000-s0", StringComparison.Ordinal));
    }

    [Fact]
    public void Onsets_whose_uas_rise_is_below_the_verdict_rule_are_not_marked_and_the_figure_says_why()
    {
        var runs = RunSet.Load(CommittedRuns.TinySasWeak);
        var uas = runs["sas--s2"]!.Series(MetricColumns.Uas);
        var wobble = OnsetDetector.Analyze(uas.Steps, uas.Values).Detected;
        Assert.NotNull(wobble); // the default thresholds accept it…
        Assert.True(wobble.Rise < OnsetOptions.UasVerdictMinRise, $"…but its UAS rise is {wobble.Rise:F3}");
        Assert.Null(TransitionSummary.DetectOnset(uas).Onset); // …and so do the tables: no onset

        var chart = ChartJson.Of(SasVariantsFigure.Create(runs));

        var names = chart.Traces.Select(ChartJson.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("sas--s2 ", StringComparison.Ordinal));
        Assert.Contains("sas+-s0 structure onset", names); // SAS+ rises by about 0.1: marked
        Assert.Contains("▲ structure onset (UAS rise ≥ 0.05)", names);
        var note = string.Join(" ", chart.Annotations).Replace("<br>", " ", StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"sas--s2 (UAS rise {wobble.Rise:F3} < 0.05)"), note);
        var sasMinusCurve = chart.Traces.First(t => ChartJson.Name(t).StartsWith("SAS−", StringComparison.Ordinal) && t.TryGetProperty("text", out _));
        Assert.Contains("not marked", sasMinusCurve.GetProperty("text")[0].GetString());
    }

    [Fact]
    public void Blimp_panels_draw_the_chance_line_with_a_one_standard_error_band()
    {
        var runs = RunSet.Load(CommittedRuns.TinySas);

        var chart = ChartJson.Of(TwoStageTransitionFigure.Create(runs.Runs));

        var chance = chart.Traces.Where(t => ChartJson.Name(t).StartsWith("BLiMP chance", StringComparison.Ordinal)).ToList();
        var line = chance.Single(t => ChartJson.Text(t, "fill") is null);
        var band = chance.Single(t => ChartJson.Text(t, "fill") == "toself");
        Assert.Equal("y3", ChartJson.Text(line, "yaxis"));
        Assert.Equal([0.5, 0.5], ChartJson.Y(line));
        // No column records the pair count: config.json's probe settings give 5 pairs per paradigm × 67 paradigms.
        var se = Math.Sqrt(0.5 * 0.5 / (5 * 67));
        Assert.Contains("n = 335 pairs", ChartJson.Name(line), StringComparison.Ordinal);
        Assert.Equal(0.5 - se, ChartJson.Y(band).Min(), 9);
        Assert.Equal(0.5 + se, ChartJson.Y(band).Max(), 9);

        var early = ChartJson.Of(EarlySuppressionFigure.Create(runs)); // final BLiMP: the sdrops blimp reports, 50 pairs per paradigm
        var final = early.Traces.Single(t => ChartJson.Name(t).StartsWith("BLiMP chance", StringComparison.Ordinal) && ChartJson.Text(t, "fill") is null);
        Assert.Contains("n = 3,350 pairs", ChartJson.Name(final), StringComparison.Ordinal);
        Assert.Equal([0.5, 0.5], ChartJson.Y(final));
    }

    [Fact]
    public void Glue_panel_draws_the_majority_class_and_untrained_levels()
    {
        var runs = RunSet.Load(CommittedRuns.TinySas);
        var report = FinalEvaluation.Glue(runs["base-s0"]!)!;
        var majority = report.Tasks.Average(t => t.MajorityBaseline);
        Assert.InRange(majority, 0.3, 0.4); // CoLA and STS-B 0, SST-2 0.509, MRPC 0.748, RTE 0.527

        var chart = ChartJson.Of(EarlySuppressionFigure.Create(runs));

        var majorityLine = chart.Traces.Single(t => ChartJson.Name(t).StartsWith("GLUE: majority class", StringComparison.Ordinal));
        Assert.Equal("y4", ChartJson.Text(majorityLine, "yaxis"));
        Assert.Equal(majority, ChartJson.Y(majorityLine)[0], 6);
        var untrained = chart.Traces.Single(t => ChartJson.Name(t).StartsWith("GLUE: untrained", StringComparison.Ordinal));
        Assert.Equal(FinalEvaluation.Glue(runs["base-s0"]!, step: 0)!.Average, ChartJson.Y(untrained)[0], 6);
        Assert.True(chart.YAxes["yaxis4"].GetProperty("range")[0].GetDouble() < majority, "the y range includes the majority level");
    }

    [Fact]
    public void Loss_axis_is_fitted_to_the_curve_after_warm_up()
    {
        var small = RunSet.Load(CommittedRuns.Gpu).Select("small").Runs;
        var loss = small[0].Series(MetricColumns.EvalLoss);
        var warmup = small[0].Config!.Optimizer.WarmupSteps;

        var chart = ChartJson.Of(TwoStageTransitionFigure.Create(small));

        var range = chart.YAxes["yaxis"].GetProperty("range");
        var afterWarmup = loss.Steps.Zip(loss.Values).Where(p => p.First >= warmup).Max(p => p.Second);
        Assert.True(range[1].GetDouble() < loss.Values[0], "the untrained loss is off the top");
        Assert.True(range[1].GetDouble() >= afterWarmup, "nothing after warm-up is cut");
        Assert.True(range[0].GetDouble() <= loss.Values.Min());
        Assert.Contains(chart.Annotations, a => a.Contains($"y range from step {warmup}", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoNN_panels_have_a_logarithmic_y_axis()
    {
        var chart = ChartJson.Of(SimplicityDipFigure.Create(RunSet.Load(CommittedRuns.TinySas).Runs));

        Assert.NotEmpty(chart.YAxes);
        Assert.All(chart.YAxes.Values, axis => Assert.Equal("log", ChartJson.Text(axis, "type")));
    }

    [Fact]
    public void TwoNN_panels_of_runs_that_share_a_name_say_their_folder()
    {
        var silver = RecordedRun.Load(Path.Combine(CommittedRuns.Root, "tiny-silver", "base-s0"));
        var gold = RecordedRun.Load(Path.Combine(CommittedRuns.TinySas, "base-s0"));
        var other = RecordedRun.Load(Path.Combine(CommittedRuns.TinySas, "base-s1"));

        var chart = ChartJson.Of(SimplicityDipFigure.Create([silver, gold, other]));

        Assert.Contains(chart.Annotations, a => a.StartsWith("<b>tiny-silver/base-s0: ▲", StringComparison.Ordinal));
        Assert.Contains(chart.Annotations, a => a.StartsWith("<b>tiny-sas/base-s0: ▲", StringComparison.Ordinal));
        Assert.Contains(chart.Annotations, a => a.StartsWith("<b>base-s1: ▲", StringComparison.Ordinal)); // unique: its name alone
    }

    [Fact]
    public void Titles_of_regularised_runs_name_lambda_horizon_and_scale()
    {
        var strong = ChartJson.Of(SasVariantsFigure.Create(RunSet.Load(CommittedRuns.TinySas))).Title;
        var weak = ChartJson.Of(SasVariantsFigure.Create(RunSet.Load(CommittedRuns.TinySasWeak))).Title;
        var longer = ChartJson.Of(EarlySuppressionFigure.Create(RunSet.Load(CommittedRuns.TinySas16k))).Title;
        var custom = ChartJson.Of(SasVariantsFigure.Create(RunSet.Load(CommittedRuns.TinySasWeak), "Weak regulariser")).Title;

        Assert.NotEqual(strong, weak);
        Assert.Contains("|λ| = 0.01 · 8,000 steps · tiny (2 × 128)", strong, StringComparison.Ordinal);
        Assert.Contains("|λ| = 0.001 · 8,000 steps · tiny (2 × 128)", weak, StringComparison.Ordinal);
        Assert.Contains("|λ| = 0.001 · 16,000 steps · tiny (2 × 128)", longer, StringComparison.Ordinal);
        Assert.Equal("Weak regulariser — |λ| = 0.001 · 8,000 steps · tiny (2 × 128)", custom);
    }

    [Fact]
    public void Seed_line_styles_are_explained_in_the_legend()
    {
        var chart = ChartJson.Of(SasVariantsFigure.Create(RunSet.Load(CommittedRuns.TinySasWeak)));

        var dashes = new Dictionary<string, string> { ["0"] = "solid", ["1"] = "dash", ["2"] = "dot" };
        foreach (var (seed, dash) in dashes)
            Assert.Equal(dash, ChartJson.Dash(chart.Traces.Single(t => ChartJson.Name(t) == $"seed {seed}")));
        var curves = chart.Traces.Where(t => ChartJson.Text(t, "xaxis") == "x" && ChartJson.Text(t, "mode") == "lines" && t.TryGetProperty("text", out _)).ToList();
        Assert.Equal(6, curves.Count); // the loss curves: SAS+ and SAS−, three seeds each (no base run at this strength)
        foreach (var curve in curves)
        {
            var run = curve.GetProperty("text")[0].GetString()!.Split("<br>")[0];
            Assert.Equal(dashes[run[^1..]], ChartJson.Dash(curve));
        }
    }

    [Fact]
    public void Sdrops_figures_skips_figure_1_for_a_folder_of_regularised_runs_only()
    {
        var results = FigureExport.SaveRunFigures(RunSet.Load(CommittedRuns.TinySasWeak), scratch.Path, png: false);

        var twoStage = results.Single(r => r.Name == TwoStageTransitionFigure.FileName);
        Assert.False(twoStage.WasSaved);
        Assert.Contains("no base run", twoStage.SkippedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_panel_without_data_says_so_instead_of_staying_blank()
    {
        var longer = ChartJson.Of(EarlySuppressionFigure.Create(RunSet.Load(CommittedRuns.TinySas16k)));
        Assert.Contains(longer.Annotations, a => a.StartsWith("GLUE: no data:", StringComparison.Ordinal));

        // A run with a loss column and no UAS yet (the first minutes of live training): the UAS panel names what is missing.
        var run = Path.Combine(scratch.Path, "live-s0");
        Directory.CreateDirectory(run);
        var log = new MetricsLog(Path.Combine(run, RunFolder.MetricsFile));
        foreach (var step in new[] { 0.0, 100, 200 })
            log.Append(new Dictionary<string, object?> { [MetricColumns.Step] = step, [MetricColumns.EvalLoss] = 9 - step / 100 });
        var chart = ChartJson.Of(TwoStageTransitionFigure.Create([RecordedRun.Load(run)]));
        Assert.Contains(chart.Annotations, a => a.Replace("<br>", " ", StringComparison.Ordinal) == "no data: no run has a uas column");
    }

    [Fact]
    public void Every_step_axis_uses_the_shared_tick_format()
    {
        var runs = RunSet.Load(CommittedRuns.TinySas);
        var charts = new[]
        {
            TwoStageTransitionFigure.Create(runs.Runs), SimplicityDipFigure.Create(runs.Runs), SasVariantsFigure.Create(runs), EarlySuppressionFigure.Create(runs),
        };

        foreach (var chart in charts.Select(ChartJson.Of))
        {
            var stepAxes = chart.XAxes.Values.Where(x => x.GetProperty("title").GetProperty("text").GetString() is "step" or "release step k").ToList();
            Assert.NotEmpty(stepAxes);
            Assert.All(stepAxes, x =>
            {
                Assert.Equal(FigureStyle.StepTickFormat, ChartJson.Text(x, "tickformat"));
                Assert.Equal(FigureStyle.StepHoverFormat, ChartJson.Text(x, "hoverformat"));
            });
        }
    }
}
