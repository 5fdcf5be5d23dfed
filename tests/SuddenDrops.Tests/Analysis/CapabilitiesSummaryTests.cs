using SuddenDrops.Analysis;
using SuddenDrops.Experiments;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Analysis;

public sealed class CapabilitiesSummaryTests : IDisposable
{
    private readonly TempFolder scratch = new("sdrops-capabilities-");

    public void Dispose() => scratch.Dispose();

    /// <summary>
    /// A run of 13,000 steps at 8,192 tokens per step: UAS 0.12 → 0.30 around step 1,500, BLiMP 0.53 → <paramref name="blimpTop"/>
    /// around <paramref name="blimpJumpAt"/> (250 steps wide, probed every 500), the masked-token accuracy rising with BLiMP; a full BLiMP report of the last
    /// step when <paramref name="fullBlimp"/> is given.
    /// </summary>
    private string Write(string name, double blimpJumpAt, double blimpTop, double? fullBlimp)
    {
        var run = Path.Combine(scratch.Path, name);
        Directory.CreateDirectory(run);
        var log = new MetricsLog(Path.Combine(run, "metrics.csv"));
        var random = new Random(7);
        double Noise(double sd) => sd * (random.NextDouble() - 0.5) * 2;
        for (var step = 0; step <= 13000; step += 100)
        {
            var uasJump = 1 / (1 + Math.Exp(-(step - 1500) / 150.0));
            var blimpJump = 1 / (1 + Math.Exp(-(step - blimpJumpAt) / 250.0));
            var row = new Dictionary<string, object?>
            {
                [MetricColumns.Step] = (double)step,
                [MetricColumns.Tokens] = step * 8192.0,
                [MetricColumns.EvalLoss] = 7 - 2 * uasJump + Noise(0.01),
                [MetricColumns.EvalAccuracy] = 0.2 + 0.1 * blimpJump + Noise(0.002),
                [MetricColumns.Uas] = 0.12 + 0.18 * uasJump + Noise(0.004),
            };
            if (step % 500 == 0) row[MetricColumns.Blimp] = 0.53 + (blimpTop - 0.53) * blimpJump + Noise(0.004);
            log.Append(row);
        }
        if (fullBlimp is double full)
        {
            var report = new BlimpReport(67000, 67, full, full, 7, 100, 670, [], [], []);
            JsonFiles.Save(new RunFolder(run).EvalPath(RunFolder.BlimpEval, 13000),
                new CheckpointReport<BlimpReport>(Path.Combine(run, "checkpoints", "step-0013000"), 13000, "cpu", "BLiMP, all 67,000 pairs", report));
        }
        return run;
    }

    [Fact]
    public void A_blimp_jump_after_the_uas_plateau_is_stage_two()
    {
        var summary = CapabilitiesSummary.Of(RecordedRun.Load(Write("late", blimpJumpAt: 8000, blimpTop: 0.62, fullBlimp: 0.605)), 1000);

        Assert.InRange(summary.UasStructureOnset!.Value, 1000, 1500);
        Assert.InRange(summary.UasCapabilitiesOnset!.Value, 1500, 2000);
        Assert.InRange(summary.BlimpStructureOnset!.Value, 6000, 8000);
        Assert.True(summary.BlimpOnsetSudden);
        Assert.InRange(summary.BlimpPlateau!.Value, 0.52, 0.54); // the probes of the 8M tokens (~980 steps) after the UAS ⏺
        Assert.InRange(summary.BlimpLastThree!.Value, 0.61, 0.63);
        Assert.Equal(0.605, summary.FullBlimp!.Value, 6);
        Assert.True(summary.StageTwoShows);
        Assert.True(summary.BlimpFollowsPlateau);
        Assert.True(summary.AccuracyFollowsPlateau);
        Assert.Equal("stage 2 shows", summary.Verdict());
    }

    [Fact]
    public void A_small_gain_or_a_low_full_score_is_not_stage_two_and_says_which_condition_failed()
    {
        var small = CapabilitiesSummary.Of(RecordedRun.Load(Write("small", blimpJumpAt: 8000, blimpTop: 0.56, fullBlimp: 0.56)), 1000);
        var noFull = CapabilitiesSummary.Of(RecordedRun.Load(Write("no-full", blimpJumpAt: 8000, blimpTop: 0.62, fullBlimp: null)), 1000);

        Assert.False(small.StageTwoShows);
        Assert.Contains("gain +3.", small.Verdict());
        Assert.Contains("full BLiMP 56.0 % < 58 %", small.Verdict());
        Assert.False(noFull.StageTwoShows);
        Assert.Equal("stage 2 does not show: no full BLiMP of the last checkpoint", noFull.Verdict());
        Assert.True(noFull.BlimpFollowsPlateau); // the order is read whatever the verdict
    }

    [Fact]
    public void The_second_scales_runs_are_grouped_by_candidate_with_its_shape_whatever_their_seeds()
    {
        var candidates = ReproductionTables.SecondScaleCandidates(RunSet.Load(Path.GetDirectoryName(CommittedRuns.SmallCpu)!));

        var smallCpu = Assert.Single(candidates, c => c.Scale.StartsWith("s-64", StringComparison.Ordinal));
        Assert.Equal("s-64 (4 × 256)", smallCpu.Scale);
        Assert.Equal(["s-64-s0", "s-64-s1"], smallCpu.Runs.Select(r => r.Name).Order());
        Assert.All(candidates, c => Assert.All(c.Runs, r => Assert.StartsWith(c.Scale.Split(' ')[0] + "-s", r.Name, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_two_scales_are_the_plain_tiny_bases_then_each_candidate_then_the_reference()
    {
        var scales = ReproductionTables.TwoScales(CommittedRuns.Root, SharedData.Root);

        Assert.Equal("tiny", scales[0].Scale);
        Assert.Equal(3, scales[0].Runs.Count);
        Assert.All(scales[0].Runs, r =>
        {
            Assert.Equal(SasVariant.Baseline, r.SasVariant);
            Assert.Equal(0, r.Config!.Regularizer!.LabeledRows(r.Config.BatchSize)); // plain MLM: no treebank rows in its batches
            Assert.Contains(r.Metrics.Numbers(MetricColumns.Blimp), double.IsFinite);
        });
        Assert.Contains(scales, s => s.Scale == "s-64 (4 × 256)");
        Assert.Equal(ReferenceRun.Label, scales[^1].Scale);
        Assert.Equal(ReferenceRun.FolderName, Assert.Single(scales[^1].Runs).Name);
    }

    [Fact]
    public void The_committed_tiny_base_runs_show_no_second_stage()
    {
        var sweep = RunSet.Load(Path.Combine(CommittedRuns.Root, ReproductionTables.SweepFolder));
        var bases = sweep.OfVariant(SasVariant.Baseline);
        Assert.Equal(3, bases.Count);
        foreach (var run in bases)
        {
            var summary = CapabilitiesSummary.Of(run, ReproductionTables.LateAnalysisFrom);
            Assert.NotNull(summary.UasCapabilitiesOnset);
            Assert.True(summary.BlimpProbes >= 10);
            Assert.InRange(summary.FullBlimp!.Value, 0.5, 0.56); // chance: 3,350 pairs each
            Assert.False(summary.StageTwoShows);
            Assert.StartsWith("stage 2 does not show", summary.Verdict());
        }
    }
}
