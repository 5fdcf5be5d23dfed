using SuddenDrops.Analysis;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Metrics;

/// <summary>The onset detector on committed UAS curves of real runs (data/runs) and the independent reference run.</summary>
public class OnsetOnRealRunsTests
{
    private static Onset? UasOnset(string metricsCsv)
    {
        var log = new MetricsLog(metricsCsv);
        return OnsetDetector.Detect(log.Numbers("step"), log.Numbers("uas"));
    }

    private static string Run(string name) => Path.Combine(CommittedRuns.GpuRun(name), "metrics.csv");

    [Fact]
    public void Finds_the_structure_onset_of_the_reference_run()
    {
        var onset = UasOnset(ReferenceRun.PathFor(SharedData.Root));
        Assert.NotNull(onset);
        Assert.InRange(onset!.InflectionStep, 2000, 3000); // the README of the reference: UAS jumps between ~2,200 and ~3,000
    }

    [Fact]
    public void The_reference_run_reads_as_a_recorded_run_with_its_tokens_and_blimp_and_its_second_stage_is_not_sudden()
    {
        var reference = ReferenceRun.TryLoad(SharedData.Root);

        Assert.NotNull(reference);
        Assert.Equal(128 * 128, reference!.TokensPerStep); // its README: batch 128 × rows of 128
        Assert.Equal(ReferenceRun.Seed, reference.Seed);
        Assert.Null(reference.Config);
        Assert.Equal(ReferenceRun.BlimpPerParadigm, reference.BlimpPerParadigm);
        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ReferenceRun.PathFor(SharedData.Root))!, "README.md"));
        Assert.Contains($"a fixed sample of {ReferenceRun.BlimpPerParadigm} pairs from each of the 67 paradigms", readme); // the number its source states
        var capabilities = CapabilitiesSummary.Of(reference, ReproductionTables.LateAnalysisFrom);
        Assert.True(capabilities.BlimpFollowsPlateau); // its README: BLiMP climbs once UAS has levelled off
        Assert.False(capabilities.BlimpOnsetSudden);   // … gradually (the README of issue 17's search quotes the sharpness)
        Assert.Null(ReferenceRun.TryLoad(Path.Combine(Path.GetTempPath(), "no-such-data", "data")));
    }

    [Theory]
    [InlineData("small", 2800, 3600)]
    [InlineData("r2-lr7e-4-b64", 5000, 6800)]
    [InlineData("r4-lr5e-4-b128", 4000, 6000)]
    public void Finds_the_structure_onset_of_our_gpu_runs(string run, double from, double to)
    {
        var onset = UasOnset(Run(run));
        Assert.NotNull(onset);
        Assert.InRange(onset!.InflectionStep, from, to);
        Assert.True(onset.StructureOnsetStep < onset.InflectionStep && onset.InflectionStep < onset.CapabilitiesOnsetStep);
    }

    [Theory]
    [InlineData("tiny-a")]
    [InlineData("tiny-c")]
    [InlineData("r5-lr5e-4-b32")]
    public void Says_no_onset_for_runs_that_stayed_on_the_plateau(string run) => Assert.Null(UasOnset(Run(run)));
}
