using SuddenDrops.Metrics;
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
        var onset = UasOnset(Path.Combine(SharedData.Root, "..", "reference", "pytorch-h200-4x256x4-wiki.csv"));
        Assert.NotNull(onset);
        Assert.InRange(onset!.InflectionStep, 2000, 3000); // the README of the reference: UAS jumps between ~2,200 and ~3,000
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
