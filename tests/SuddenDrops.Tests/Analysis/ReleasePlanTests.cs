using SuddenDrops.Analysis;
using SuddenDrops.Runs;
using SuddenDrops.Tests.Runs;

namespace SuddenDrops.Tests.Analysis;

/// <summary>The release-step rule of Regularizer.md ("Release steps, horizon, probes, seeds") as <see cref="ReleasePlan"/> applies it.</summary>
public sealed class ReleasePlanTests : IDisposable
{
    private readonly TempFolder scratch = new("sdrops-release-");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Medians_of_the_base_onsets_set_the_release_steps_the_horizon_and_the_probe_window()
    {
        var plan = ReleasePlan.Of(
        [
            new BaseOnset("base-s0", 8000, 5389, 6100, null),
            new BaseOnset("base-s1", 8000, 4950, 5800, null),
            new BaseOnset("base-s2", 8000, 6020, 6900, null),
        ]);

        Assert.True(plan.IsReady);
        Assert.Equal(5389, plan.StructureOnset);
        Assert.Equal(6100, plan.CapabilitiesOnset);
        Assert.Equal([800, 2700, 8100], plan.ReleaseSteps); // 0.15, 0.5, 1.5 × 5,389 to the nearest 100
        Assert.Equal(19000, plan.Horizon);                  // 3.5 × 5,389 = 18,862 > 6,100 + 1,500, up to 1,000
        Assert.Equal(3800, plan.ProbesFrom);                // 5,389 − 1,500, down to 100
        Assert.Equal(7600, plan.ProbesTo);                  // 6,100 + 1,500
        Assert.Equal("RELEASES=800,2700,8100\nHORIZON=19000\nPROBES_FROM=3800\nPROBES_TO=7600\n", plan.Shell());
    }

    [Fact]
    public void A_late_plateau_sets_the_horizon_when_it_ends_after_three_and_a_half_onsets()
    {
        var plan = ReleasePlan.Of([new BaseOnset("base-s0", 7000, 1000, 6000, null)]);

        Assert.Equal([200, 500, 1500], plan.ReleaseSteps);
        Assert.Equal(8000, plan.Horizon); // 6,000 + 1,500 = 7,500 > 3,500, up to 1,000
        Assert.Equal(0, plan.ProbesFrom);
        // A base already trained further than that sets the horizon: the sweep's base runs are never cut short.
        Assert.Equal(12000, ReleasePlan.Of([new BaseOnset("base-s0", 12000, 1000, 6000, null)]).Horizon);
    }

    [Fact]
    public void The_plan_reads_the_onsets_of_the_base_runs_and_ignores_the_other_variants()
    {
        var sweep = SyntheticRuns.Sweep(scratch.Path);
        var runs = RunSet.Load(sweep);

        var plan = ReleasePlan.Of(runs);

        Assert.Equal(["base-s1", "base-s2"], plan.Bases.Select(b => b.Run));
        Assert.True(plan.IsReady, plan.Table().Render());
        var onsets = runs.OfVariant(SuddenDrops.Training.SasVariant.Baseline)
            .Select(r => TransitionSummary.DetectOnset(r.Series("uas")).Onset!).ToList();
        Assert.Equal(onsets.Average(o => Math.Round(o.StructureOnsetStep)), plan.StructureOnset!.Value, 6);
        Assert.InRange(plan.StructureOnset!.Value, 1500, 2100); // the synthetic jumps are centred at 2,000 and 2,200
        Assert.All(plan.ReleaseSteps, k => Assert.Equal(0, k % 100));
        Assert.Equal(Math.Round(0.5 * plan.StructureOnset.Value / 100) * 100, plan.ReleaseSteps[1]);
    }

    [Fact]
    public void A_base_run_without_an_onset_or_without_a_plateau_after_it_blocks_the_plan_and_says_why()
    {
        SyntheticRuns.Write(scratch.Path, "base-s0", 2000);
        SyntheticRuns.Write(scratch.Path, "base-s1", null, seed: 2);   // no jump
        SyntheticRuns.Write(scratch.Path, "base-s2", 3700, seed: 3);   // ⏺ at the very end of its 4,000 steps

        var plan = ReleasePlan.Of(RunSet.Load(scratch.Path));

        Assert.False(plan.IsReady);
        Assert.Null(plan.Shell());
        Assert.Empty(plan.ReleaseSteps);
        Assert.Null(plan.Bases[0].Problem);
        Assert.Contains("no onset", plan.Bases[1].Problem);
        Assert.Contains("extend", plan.Bases[1].Problem);
        Assert.Contains("before its last checkpoint (4,000)", plan.Bases[2].Problem);
        Assert.Contains("| base-s1 | 4,000 | — | — | no: ", plan.Table().Render());
    }

    [Fact]
    public void Base_runs_extended_past_the_reading_that_set_the_plan_still_give_that_plan()
    {
        // Two bases with the same jump, ⏺ well before step 2,000 (the synthetic noise of other seeds leaves their short-read
        // jump below the detector's sharpness).
        SyntheticRuns.Write(scratch.Path, "base-s0", 1000);
        SyntheticRuns.Write(scratch.Path, "base-s1", 1000);
        var runs = RunSet.Load(scratch.Path);

        // Read to 3,000 (the rule's first reading here), both bases set the plan; their 1,000 steps since change nothing.
        var plan = ReleasePlan.Of(runs, firstReading: 3000, extendBy: 1000);
        Assert.True(plan.IsReady, plan.Table().Render());
        Assert.Equal(3000, plan.ReadTo);
        Assert.All(plan.Bases, b => Assert.Equal(3000, b.LastStep));
        Assert.StartsWith("Base runs read to step 3,000, where the rule set the plan: ", plan.Describe());
        var cut = ReleasePlan.Of([.. runs.Runs.Select(r => ReleasePlan.Read(r, 3000))]);
        Assert.Equal((cut.StructureOnset, cut.CapabilitiesOnset, cut.Horizon), (plan.StructureOnset, plan.CapabilitiesOnset, plan.Horizon));

        // A base whose onset comes late is read again, extendBy steps further each time, up to its end.
        SyntheticRuns.Write(scratch.Path, "base-s2", 2700, seed: 3);
        var later = ReleasePlan.Of(RunSet.Load(scratch.Path), firstReading: 3000, extendBy: 1000);
        Assert.Null(later.ReadTo); // read to the runs' end (4,000)
        Assert.All(later.Bases, b => Assert.Equal(4000, b.LastStep));
    }

    [Fact]
    public void A_folder_without_base_runs_is_an_error_that_names_it()
    {
        SyntheticRuns.Write(scratch.Path, "sas+-s0", 1000);

        var error = Assert.Throws<InvalidOperationException>(() => ReleasePlan.Of(RunSet.Load(scratch.Path)));
        Assert.Contains(scratch.Path, error.Message);
    }
}
