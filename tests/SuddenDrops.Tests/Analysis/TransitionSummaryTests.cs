
using SuddenDrops.Analysis;
using SuddenDrops.Runs;
using SuddenDrops.Tests.Runs;

namespace SuddenDrops.Tests.Analysis;

public sealed class TransitionSummaryTests : IDisposable
{
    private readonly TempFolder scratch = new("sdrops-transition-");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Finds_the_onsets_of_a_known_jump_and_reads_the_metrics_there()
    {
        var run = RecordedRun.Load(SyntheticRuns.Write(scratch.Path, "base-s1", jumpAt: 2000));

        var summary = TransitionSummary.Of(run);

        // A logistic of width w has its extreme accelerations at s0 ∓ 1.32w; smoothing over 2 checkpoint spacings (σ ≈ w here) moves them out to ≈ ∓1.8w.
        Assert.InRange(summary.StructureOnsetStep!.Value, 2000 - 2.2 * SyntheticRuns.Width, 2000 - 1.0 * SyntheticRuns.Width);
        Assert.InRange(summary.CapabilitiesOnsetStep!.Value, 2000 + 1.0 * SyntheticRuns.Width, 2000 + 2.2 * SyntheticRuns.Width);
        Assert.InRange(summary.UasAtStructureOnset!.Value, 0.12, 0.19);
        Assert.InRange(summary.UasAtCapabilitiesOnset!.Value, 0.23, 0.30);
        Assert.True(summary.LossAtStructureOnset - summary.LossAtCapabilitiesOnset > 0.4);
        Assert.InRange(summary.BlimpFinal!.Value, 0.64, 0.66);
        Assert.Equal(0.287, summary.OffsetBaseline!.Value, 6); // MetricsLog reads CSV numbers back as float (7 digits)
        Assert.Equal("onset", summary.Verdict);
        Assert.Contains("Structure onset ▲ at step", summary.Describe());
    }

    [Fact]
    public void Reads_the_reference_settings_run_as_the_committed_numbers_say()
    {
        var summary = TransitionSummary.Of(RunSet.Load(CommittedRuns.Gpu)["small"]!);

        Assert.InRange(summary.StructureOnsetStep!.Value, 2800, 3200);
        Assert.InRange(summary.CapabilitiesOnsetStep!.Value, 3200, 3600);
        Assert.True(summary.UasAtCapabilitiesOnset > summary.UasAtStructureOnset + 0.1);
        Assert.True(summary.LossAtCapabilitiesOnset < summary.LossAtStructureOnset - 0.3);
        Assert.Null(summary.BlimpFinal);
        Assert.Contains("BLiMP was not measured", summary.Describe());
    }

    [Fact]
    public void Says_why_a_run_on_the_plateau_has_no_onset()
    {
        var flat = TransitionSummary.Of(RecordedRun.Load(SyntheticRuns.Write(scratch.Path, "sas--s1", jumpAt: null)));
        var committed = TransitionSummary.Of(RunSet.Load(CommittedRuns.Gpu)["tiny-a"]!);

        Assert.False(flat.HasOnset);
        Assert.StartsWith("no onset", flat.Verdict);
        Assert.False(committed.HasOnset);
        Assert.StartsWith("no onset", committed.Verdict);
        Assert.Contains("no onset", committed.Describe());
    }

    [Fact]
    public void A_run_with_few_checkpoints_has_no_onset_yet()
    {
        var folder = Path.Combine(scratch.Path, "live-s0");
        Directory.CreateDirectory(folder);
        var log = new SuddenDrops.Training.MetricsLog(Path.Combine(folder, "metrics.csv"));
        foreach (var step in new[] { 0.0, 100, 200 }) log.Append(new Dictionary<string, object?> { ["step"] = step, ["uas"] = 0.1, ["eval_loss"] = 7.0 });

        var summary = TransitionSummary.Of(RecordedRun.Load(folder));

        Assert.Equal("only 3 UAS checkpoint(s); the detector needs 5", summary.Verdict);
        Assert.Equal(200, summary.LastStep);
    }
}
