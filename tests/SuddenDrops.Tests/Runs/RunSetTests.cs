using SuddenDrops.Analysis;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Runs;

public sealed class RunSetTests : IDisposable
{
    private readonly TempFolder scratch = new("sdrops-runset-");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Loads_the_committed_gpu_runs_by_name_with_their_configs()
    {
        var runs = RunSet.Load(CommittedRuns.Gpu);

        Assert.Equal(13, runs.Count);
        Assert.Equal(runs.Runs.Select(r => r.Name).Order(StringComparer.Ordinal), runs.Runs.Select(r => r.Name));
        var small = runs["small"]!;
        Assert.Equal("small", small.Config!.Preset);
        Assert.Equal(0, small.Seed); // from config.json: the name carries none
        Assert.False(small.SeedInName);
        Assert.Equal(91, small.Metrics.Count);
        Assert.Equal(6500, small.Series(MetricColumns.Uas).Steps[^1]);
        Assert.False(small.Has(MetricColumns.Blimp));
        Assert.Empty(small.IntrinsicDimensionLayers);
    }

    [Fact]
    public void Reading_a_run_writes_nothing_into_its_folder()
    {
        var before = Directory.GetFileSystemEntries(CommittedRuns.Gpu, "*", SearchOption.AllDirectories).Order().ToList();

        _ = RunSet.Load(CommittedRuns.Gpu).Runs.Select(r => (r.CheckpointSteps, TransitionSummary.Of(r))).ToList();

        Assert.Equal(before, Directory.GetFileSystemEntries(CommittedRuns.Gpu, "*", SearchOption.AllDirectories).Order());
    }

    [Fact]
    public void A_run_folder_is_a_set_of_one_and_a_missing_folder_an_empty_set()
    {
        Assert.Equal(["tiny-s0"], RunSet.Load(CommittedRuns.CpuTiny).Runs.Select(r => r.Name));
        Assert.Equal([7103L], RunSet.Load(CommittedRuns.CpuTiny).Runs[0].CheckpointSteps);
        Assert.Equal("cpu-tiny/tiny-s0", RunSet.Load(CommittedRuns.CpuTiny).Runs[0].Label);
        Assert.True(RunSet.Load(Path.Combine(scratch.Path, "nothing-here")).IsEmpty);
    }

    [Fact]
    public void Sorts_a_sweep_into_variants_and_seeds()
    {
        var runs = RunSet.Load(SyntheticRuns.Sweep(scratch.Path));

        Assert.Equal(["base-s1", "base-s2"], runs.OfVariant(SasVariant.Baseline).Select(r => r.Name));
        Assert.Equal([1, 2], runs.OfVariant(SasVariant.Baseline).Select(r => r.Seed!.Value));
        Assert.Equal(["sas+-s1"], runs.OfVariant(SasVariant.SasPlus).Select(r => r.Name));
        Assert.Equal(["sas--s1"], runs.OfVariant(SasVariant.SasMinus).Select(r => r.Name));
        Assert.Equal([500, 3000], runs.ReleaseVariants.Select(v => v.ReleaseStep!.Value));
        Assert.Equal([0, 1, 2], runs["base-s1"]!.IntrinsicDimensionLayers);
        Assert.Equal("seeds 1, 2", RunSet.DescribeSeeds(runs.OfVariant(SasVariant.Baseline)));
    }

    [Fact]
    public void A_folder_without_metrics_is_no_run()
    {
        var error = Assert.Throws<FileNotFoundException>(() => RecordedRun.Load(scratch.Path));
        Assert.Contains("no metrics.csv", error.Message);
    }
}
