using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Runs;
using SuddenDrops.Tests.Runs;

namespace SuddenDrops.Tests.Analysis;

/// <summary>The rule of Regularizer.md ("How claims 4–6 are judged") as <see cref="RegularizerVerdicts"/> applies it.</summary>
public sealed class RegularizerVerdictsTests : IDisposable
{
    private readonly TempFolder scratch = new("sdrops-verdicts-");

    public void Dispose() => scratch.Dispose();

    /// <summary>Synthetic runs to step 4,000: base jumps at 2,000; releases at 300 (early) and 2,600 (late).</summary>
    private static readonly ReleasePlan Plan = new([], 1700, 2300, [300, 900, 2600], 4000, 0, 4000);

    /// <summary>Writes base and every judged variant for seeds 0–2, as the paper describes them unless told otherwise.</summary>
    private void WriteSweep(Action<int>? perSeed = null)
    {
        for (var seed = 0; seed < 3; seed++)
        {
            var noise = 10 * seed;
            SyntheticRuns.Write(scratch.Path, $"base-s{seed}", 2000, seed: noise + 1);
            SyntheticRuns.Write(scratch.Path, $"sas+-s{seed}", 1200, seed: noise + 2);             // earlier, same final loss
            SyntheticRuns.Write(scratch.Path, $"sas--s{seed}", null, lossShift: -0.15, seed: noise + 3); // no SAS, lower early loss
            SyntheticRuns.Write(scratch.Path, $"sas-@300-s{seed}", 1500, lossDrop: 1.0, blimpTop: 0.75, seed: noise + 4); // ends better
            SyntheticRuns.Write(scratch.Path, $"sas-@2600-s{seed}", null, seed: noise + 5);        // never recovers
            perSeed?.Invoke(seed);
        }
    }

    /// <summary>Replaces a run written by <see cref="WriteSweep"/> (the metrics log appends, so the old folder goes first).</summary>
    private void Rewrite(string name, double? jumpAt, double lossDrop = 0.8, double lossShift = 0, int seed = 1)
    {
        Directory.Delete(Path.Combine(scratch.Path, name), recursive: true);
        SyntheticRuns.Write(scratch.Path, name, jumpAt, lossDrop: lossDrop, lossShift: lossShift, seed: seed);
    }

    [Fact]
    public void Runs_that_behave_as_the_paper_says_make_every_claim_hold()
    {
        WriteSweep();

        var verdicts = RegularizerVerdicts.Of(RunSet.Load(scratch.Path), Plan);

        Assert.All(verdicts.Tests, t => Assert.Equal(VerdictOutcome.Holds, t.Outcome)); // 6b: +10 pt > 2 SE (4.5 pt at n = 335, 3 seeds)
        Assert.Equal([VerdictOutcome.Holds, VerdictOutcome.Holds, VerdictOutcome.Holds], new[] { 4, 5, 6 }.Select(verdicts.Claim));
        var rendered = verdicts.Render();
        Assert.Contains("Claim 4: **holds**.", rendered);
        Assert.Contains("SAS−(300) ends better", rendered);
        Assert.Contains("after step 2,600", rendered);
        Assert.Contains("holds (3 of 3)", rendered);
    }

    [Fact]
    public void Suppression_that_forms_SAS_anyway_and_ends_level_fails_claim_five_and_an_early_release_that_ends_worse_leaves_claim_six_partly()
    {
        WriteSweep();
        for (var seed = 0; seed < 3; seed++)
        {
            // SAS− forms SAS late and has a higher loss throughout; BLiMP as base's.
            Rewrite($"sas--s{seed}", 3000, lossShift: 0.1, seed: 10 * seed + 3);
            // The early release ends worse in loss and level in BLiMP.
            Rewrite($"sas-@300-s{seed}", 2500, lossDrop: 0.5, seed: 10 * seed + 4);
        }

        var verdicts = RegularizerVerdicts.Of(RunSet.Load(scratch.Path), Plan);

        Assert.Equal(VerdictOutcome.DoesNotHold, verdicts.Claim(5));
        Assert.All(verdicts.Tests.Where(t => t.Claim == 5), t => Assert.Equal(VerdictOutcome.DoesNotHold, t.Outcome));
        Assert.Equal(VerdictOutcome.DoesNotHold, verdicts.Tests.Single(t => t.Id == "6a").Outcome);
        Assert.Equal(VerdictOutcome.DoesNotHold, verdicts.Tests.Single(t => t.Id == "6b").Outcome);
        Assert.Equal(VerdictOutcome.Holds, verdicts.Tests.Single(t => t.Id == "6c").Outcome);
        Assert.Equal(VerdictOutcome.Partly, verdicts.Claim(6));
        Assert.Equal(VerdictOutcome.Holds, verdicts.Claim(4));
    }

    [Fact]
    public void A_test_that_passes_in_some_seeds_is_mixed_and_a_run_short_of_the_horizon_leaves_its_claim_pending()
    {
        WriteSweep(seed =>
        {
            // Seed 2's SAS+ forms SAS later than its base.
            if (seed == 2) Rewrite("sas+-s2", 2800, seed: 22);
        });
        var complete = RegularizerVerdicts.Of(RunSet.Load(scratch.Path), Plan);
        var earlier = complete.Tests.Single(t => t.Id == "4a");
        Assert.Equal(VerdictOutcome.Partly, earlier.Outcome);
        Assert.Equal("mixed (2 of 3)", earlier.Describe());
        Assert.StartsWith("no: t½ ", earlier.Seeds[2].Detail);
        Assert.Equal(VerdictOutcome.Partly, complete.Claim(4));

        // The late release of seed 1 has only reached step 3,000 of the 4,000.
        var late = Path.Combine(scratch.Path, "sas-@2600-s1", "metrics.csv");
        File.WriteAllLines(late, File.ReadAllLines(late).Take(1 + 31));
        var partial = RegularizerVerdicts.Of(RunSet.Load(scratch.Path), Plan);
        var recovers = partial.Tests.Single(t => t.Id == "6c");
        Assert.Equal(VerdictOutcome.Pending, recovers.Outcome);
        Assert.Equal("—", recovers.Seeds[1].Detail);
        Assert.Equal("pending (so far 2 of 2)", recovers.Describe());
        Assert.Equal(VerdictOutcome.Pending, partial.Claim(6));
        Assert.Contains("Claim 6: **pending**.", partial.Render());
    }

    [Fact]
    public void The_midpoint_and_the_final_losses_of_the_committed_runs_are_read_as_their_metrics_files_give_them()
    {
        var sweep = RunSet.Load(Path.Combine(CommittedRuns.Root, ReproductionTables.PaperDesignFolder));
        var plan = ReleasePlan.Of(sweep);
        var verdicts = RegularizerVerdicts.Of(sweep.Select("base-s0", "sas+-s0"), plan);

        // Independently of MetricSeries: UAS and held-out loss straight from the two metrics.csv files.
        var baseRows = ReadColumns(Path.Combine(sweep.Folder, "base-s0", "metrics.csv"));
        var plusRows = ReadColumns(Path.Combine(sweep.Folder, "sas+-s0", "metrics.csv"));
        var uasAt1000 = baseRows.Single(r => r.Step == 1000).Uas;
        var midpoint = (uasAt1000 + baseRows[^1].Uas) / 2;
        Assert.Equal(midpoint, RegularizerVerdicts.Midpoint(sweep["base-s0"]!), 12);
        double FirstStay(List<(double Step, double Uas, double Loss)> rows) =>
            rows.Where((_, i) => i + 3 <= rows.Count && rows.Skip(i).Take(3).All(r => r.Uas >= midpoint)).First().Step;

        var earlier = verdicts.Tests.Single(t => t.Id == "4a");
        var text = string.Create(CultureInfo.InvariantCulture, $"t½ {FirstStay(plusRows):N0} vs {FirstStay(baseRows):N0} (m {midpoint:F3})");
        Assert.EndsWith(text, earlier.Seeds[0].Detail);
        Assert.Equal(FirstStay(plusRows) < FirstStay(baseRows), earlier.Seeds[0].Passes);

        var loss = verdicts.Tests.Single(t => t.Id == "4b");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{plusRows[^1].Loss:F3} vs {baseRows[^1].Loss:F3}"), loss.Seeds[0].Detail);
        Assert.Equal(plusRows[^1].Loss >= 0.99 * baseRows[^1].Loss, loss.Seeds[0].Passes);

        // Seeds 1 and 2 of SAS+ are not in the set: claim 4 waits for them; SAS− and SAS−(k) are not there at all.
        Assert.All(verdicts.Tests.Where(t => t.Claim == 4), t => Assert.Equal(VerdictOutcome.Pending, t.Outcome));
        Assert.Equal("pending (no seed yet)", verdicts.Tests.Single(t => t.Id == "5a").Describe());
        Assert.Equal(plan.Horizon, verdicts.Horizon);
    }

    private static List<(double Step, double Uas, double Loss)> ReadColumns(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        int step = Array.IndexOf(header, "step"), uas = Array.IndexOf(header, "uas"), loss = Array.IndexOf(header, "eval_loss");
        return [.. lines.Skip(1).Select(l => l.Split(','))
            .Where(f => f[uas].Length > 0 && f[loss].Length > 0)
            .Select(f => (double.Parse(f[step], CultureInfo.InvariantCulture), double.Parse(f[uas], CultureInfo.InvariantCulture),
                double.Parse(f[loss], CultureInfo.InvariantCulture)))];
    }
}
