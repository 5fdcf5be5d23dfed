using SuddenDrops.Experiments;
using SuddenDrops.Metrics;

namespace SuddenDrops.Tests.Experiments;

public class OnsetSummaryTests
{
    [Fact]
    public void The_small_preset_gpu_run_has_its_uas_structure_onset_between_steps_2800_and_3600()
    {
        var uas = OnsetSummary.Of(CommittedRuns.GpuRun("small"), "uas");
        var onset = Assert.IsType<Onset>(uas.Onset);
        Assert.InRange(onset.StructureOnsetStep, 2800, 3600);
        Assert.True(onset.CapabilitiesOnsetStep > onset.InflectionStep && onset.InflectionStep > onset.StructureOnsetStep);
        Assert.InRange(onset.Rise, 0.1, 0.4); // UAS 0.12 → 0.30 in the reference run
        Assert.Equal(6500, uas.FinalStep);
        Assert.True(uas.Breakthroughness > 10, $"breakthroughness {uas.Breakthroughness}");
    }

    [Fact]
    public void The_same_machinery_places_the_loss_drop_and_the_accuracy_jump_with_the_uas_rise()
    {
        var uas = OnsetSummary.Of(CommittedRuns.GpuRun("small"), "uas").Onset!;
        var initial = OnsetSummary.Of(CommittedRuns.GpuRun("small"), "eval_loss"); // analysed as a drop: the steepest is the first fall
        Assert.Equal(RiseDirection.Falling, OnsetSummary.DefaultOptionsFor("eval_loss").Direction);
        Assert.True(initial.Candidate!.InflectionStep < 1000, $"{initial.Candidate.InflectionStep}");

        // After the first 1,000 steps, the loss drop and the accuracy jump start with the UAS rise. Both go on improving
        // after it, so their flanks are too wide for the detector's default sharpness (≥ 1.4): candidates, not significant onsets.
        var loss = OnsetSummary.Of(Path.Combine(CommittedRuns.GpuRun("small"), "metrics.csv"), "eval_loss", fromStep: 1000);
        var accuracy = OnsetSummary.Of(CommittedRuns.GpuRun("small"), "eval_acc", fromStep: 1000);
        foreach (var metric in new[] { loss, accuracy })
        {
            var jump = metric.Candidate!;
            Assert.InRange(jump.StructureOnsetStep, uas.StructureOnsetStep - 300, uas.StructureOnsetStep + 300);
            Assert.InRange(jump.InflectionStep, uas.StructureOnsetStep, uas.CapabilitiesOnsetStep + 500);
            Assert.True(jump.RiseFraction > 0.9 && jump.Sharpness < 2 && metric.Onset is null, $"{metric.Column}: {jump}");
        }
        Assert.True(loss.Candidate!.ValueAtCapabilitiesOnset < loss.Candidate.ValueAtStructureOnset);
        Assert.True(accuracy.Candidate!.ValueAtCapabilitiesOnset > accuracy.Candidate.ValueAtStructureOnset);
    }

    [Fact]
    public void A_missing_column_or_too_few_values_is_named_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => OnsetSummary.Of(CommittedRuns.GpuRun("small"), "blimp"));
        Assert.Contains("blimp", error.Message);
        Assert.Contains("metrics.csv", error.Message);
        Assert.Throws<FileNotFoundException>(() => OnsetSummary.Of(Path.Combine(CommittedRuns.GpuRun("small"), "nothing.csv"), "uas"));
    }
}
