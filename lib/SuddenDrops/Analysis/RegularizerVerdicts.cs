using System.Globalization;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Analysis;

/// <summary>How a test or a claim came out over the seeds.</summary>
public enum VerdictOutcome
{
    /// <summary>Holds in every seed (a pooled test: on the seeds' mean).</summary>
    Holds,

    /// <summary>Holds in some seeds, not in others (a claim: some of its tests hold).</summary>
    Partly,

    /// <summary>Holds in no seed.</summary>
    DoesNotHold,

    /// <summary>A run it needs has not reached the horizon in some seed.</summary>
    Pending,
}

/// <summary>One seed's result of a per-seed test: whether it passes (null: a run is missing) and the numbers behind it.</summary>
public sealed record SeedResult(int Seed, bool? Passes, string Detail);

/// <summary>
/// One test of claims 4–6 (Regularizer.md, "How claims 4–6 are judged"): its statement, each seed's result and the outcome
/// over the seeds. A pooled test (<see cref="Pooled"/> not null) is decided on the seeds' mean paired difference; its
/// seed cells only show each seed's difference, and <see cref="PooledPasses"/> whether the mean passes (null: no seed judged yet).
/// </summary>
public sealed record VerdictTest(int Claim, string Id, string Statement, IReadOnlyList<SeedResult> Seeds, string? Pooled, VerdictOutcome Outcome,
    bool? PooledPasses = null)
{
    /// <summary>The outcome as the table prints it, e.g. "holds (3 of 3)", "mixed (1 of 3)", "pending (so far 2 of 2)".</summary>
    public string Describe()
    {
        if (Pooled is not null)
            return Outcome switch
            {
                VerdictOutcome.Holds => "holds",
                VerdictOutcome.DoesNotHold => "does not hold",
                _ when Seeds.All(s => s.Passes is null) => "pending (no seed yet)",
                _ => "pending (so far " + (PooledPasses == true ? "yes" : "no") + ")",
            };
        var judged = Seeds.Where(s => s.Passes is not null).ToList();
        var count = string.Create(CultureInfo.InvariantCulture, $"{judged.Count(s => s.Passes == true)} of {judged.Count}");
        return Outcome switch
        {
            VerdictOutcome.Holds => $"holds ({count})",
            VerdictOutcome.DoesNotHold => $"does not hold ({count})",
            VerdictOutcome.Partly => $"mixed ({count})",
            _ => judged.Count == 0 ? "pending (no seed yet)" : $"pending (so far {count})",
        };
    }
}

/// <summary>
/// Claims 4–6 of Chen et al. (2024) judged on the paper's design (<see cref="ReproductionTables.PaperDesignFolder"/>), by the
/// rule written in <c>lib/SuddenDrops/Training/Regularizer.md</c> ("How claims 4–6 are judged") before the runs it judges:
/// every run against the base run of its own seed (the same batches) at the horizon.
/// <list type="bullet">
/// <item>The UAS midpoint of a seed, m = (base's UAS at step <see cref="MidpointFrom"/> + base's final UAS) / 2; a run reaches it
/// at t½, the first logged step from which UAS stays ≥ m for <see cref="StayFor"/> logged steps. "Forms SAS" = a UAS onset
/// under the verdict rule (<see cref="TransitionSummary.DetectOnset"/>) or reaching m.</item>
/// <item>BLiMP (the final in-training probe, n pairs) differs only beyond two standard errors of the seeds' mean paired
/// difference, SE = √(2 · ¼ / n) / √seeds.</item>
/// <item>A final loss is better or worse only when more than <see cref="LossMargin"/> (1 %) from base's.</item>
/// </list>
/// Tests: 4a SAS+ reaches m earlier than base; 4b its final loss is not more than 1 % below base's; 4c its BLiMP is not
/// above base's by more than 2 SE. 5a SAS− forms no SAS; 5b its loss is below base's on average from step 500 to base's ▲;
/// 5c its BLiMP is below base's by more than 2 SE. 6a the earliest release ends more than 1 % below base's loss, or 6b above
/// its BLiMP by more than 2 SE; 6c the latest release never forms SAS after its release.
/// </summary>
/// <param name="Tests">The nine tests in order.</param>
/// <param name="Seeds">The design's seeds.</param>
/// <param name="Horizon">The step every run must reach to be judged.</param>
public sealed record RegularizerVerdicts(IReadOnlyList<VerdictTest> Tests, IReadOnlyList<int> Seeds, int Horizon)
{
    /// <summary>The design's seeds (Regularizer.md, "Release steps, horizon, probes, seeds").</summary>
    public static readonly int[] DesignSeeds = [0, 1, 2];

    /// <summary>Losses closer than this fraction of base's are level.</summary>
    public const double LossMargin = 0.01;

    /// <summary>BLiMP differences count beyond this many standard errors.</summary>
    public const double BlimpStandardErrors = 2;

    /// <summary>The midpoint's lower end is base's UAS at this step (after the first few hundred steps' noise).</summary>
    public const double MidpointFrom = 1000;

    /// <summary>Logged UAS values in a row at or above the midpoint that count as reaching it.</summary>
    public const int StayFor = 3;

    /// <summary>Step from which 5b compares SAS−'s loss with base's.</summary>
    public const double EarlyLossFrom = 500;

    /// <summary>Judges the runs of <paramref name="sweep"/> with the release steps and horizon of <paramref name="plan"/>.</summary>
    /// <exception cref="InvalidOperationException">The plan is not ready (no release steps or horizon).</exception>
    public static RegularizerVerdicts Of(RunSet sweep, ReleasePlan plan, IReadOnlyList<int>? seeds = null)
    {
        if (plan is not { IsReady: true, Horizon: int horizon } || plan.ReleaseSteps.Count == 0)
            throw new InvalidOperationException($"{sweep.Folder}: the release plan is not ready, so claims 4–6 cannot be judged yet.");
        seeds ??= DesignSeeds;
        var early = SasVariant.SasMinusReleasedAt(plan.ReleaseSteps[0]);
        var late = SasVariant.SasMinusReleasedAt(plan.ReleaseSteps[^1]);
        var pairs = seeds.Select(seed => new SeedRuns(seed, Finished(sweep, SasVariant.Baseline, seed, horizon),
            Finished(sweep, SasVariant.SasPlus, seed, horizon), Finished(sweep, SasVariant.SasMinus, seed, horizon),
            Finished(sweep, early, seed, horizon), Finished(sweep, late, seed, horizon))).ToList();
        var k1 = plan.ReleaseSteps[0].ToString("N0", CultureInfo.InvariantCulture);
        var k3 = plan.ReleaseSteps[^1].ToString("N0", CultureInfo.InvariantCulture);

        VerdictTest[] tests =
        [
            PerSeed(4, "4a", "SAS+ forms SAS earlier: t½(SAS+) < t½(base)", pairs, s => s.SasPlus, EarlierMidpoint),
            PerSeed(4, "4b", "no better final loss: SAS+'s not more than 1 % below base's", pairs, s => s.SasPlus,
                (b, r) => LossVersus(b, r, passesWhenBelow: false)),
            Pooled(4, "4c", "no better grammar: mean BLiMP difference (SAS+ − base) ≤ +2 SE", pairs, s => s.SasPlus, (d, se) => d <= BlimpStandardErrors * se),
            PerSeed(5, "5a", "SAS− forms no SAS: no UAS onset, never at the midpoint", pairs, s => s.SasMinus, (b, r) => NoSas(b, r, 0)),
            PerSeed(5, "5b", "its loss falls faster early: mean (SAS− − base) loss from step 500 to base's ▲ < 0", pairs, s => s.SasMinus, EarlyLoss),
            Pooled(5, "5c", "worse grammar: mean BLiMP difference (SAS− − base) < −2 SE", pairs, s => s.SasMinus, (d, se) => d < -BlimpStandardErrors * se),
            PerSeed(6, "6a", $"the early release SAS−({k1}) ends better: final loss more than 1 % below base's", pairs, s => s.Early,
                (b, r) => LossVersus(b, r, passesWhenBelow: true)),
            Pooled(6, "6b", $"… or better grammar: mean BLiMP difference (SAS−({k1}) − base) > +2 SE", pairs, s => s.Early, (d, se) => d > BlimpStandardErrors * se),
            PerSeed(6, "6c", $"the late release SAS−({k3}) never recovers SAS: no UAS onset and never at the midpoint after step {k3}", pairs,
                s => s.Late, (b, r) => NoSas(b, r, plan.ReleaseSteps[^1])),
        ];
        return new RegularizerVerdicts(tests, [.. seeds], horizon);
    }

    /// <summary>The verdict of claim <paramref name="claim"/> (4, 5 or 6) from its tests.</summary>
    public VerdictOutcome Claim(int claim)
    {
        var tests = Tests.Where(t => t.Claim == claim).ToList();
        if (tests.Count == 0) throw new ArgumentOutOfRangeException(nameof(claim), claim, "Claims 4, 5 and 6 are judged here.");
        if (tests.Any(t => t.Outcome == VerdictOutcome.Pending)) return VerdictOutcome.Pending;
        // Claim 6: "ends better" is 6a or 6b; "never recovers" is 6c.
        IReadOnlyList<VerdictOutcome> parts = claim == 6
            ? [Either(tests.Single(t => t.Id == "6a").Outcome, tests.Single(t => t.Id == "6b").Outcome), tests.Single(t => t.Id == "6c").Outcome]
            : [.. tests.Select(t => t.Outcome)];
        return parts.All(p => p == VerdictOutcome.Holds) ? VerdictOutcome.Holds
            : parts.All(p => p == VerdictOutcome.DoesNotHold) ? VerdictOutcome.DoesNotHold
            : VerdictOutcome.Partly;
    }

    /// <summary>The verdict's word as the report prints it.</summary>
    public static string Word(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Holds => "holds",
        VerdictOutcome.Partly => "partly",
        VerdictOutcome.DoesNotHold => "does not hold",
        _ => "pending",
    };

    /// <summary>Every test of <paramref name="claims"/> (default: 4, 5 and 6) with each seed's numbers and its outcome.</summary>
    public MarkdownTable Table(IReadOnlyCollection<int>? claims = null) => new(
        ["claim", "test", .. Seeds.Select(s => $"seed {s}"), "outcome"],
        [.. Tests.Where(t => claims is null || claims.Contains(t.Claim)).Select(t => (IReadOnlyList<string>)
        [
            t.Claim.ToString(CultureInfo.InvariantCulture), t.Id + " " + t.Statement,
            .. Seeds.Select(seed => t.Seeds.Single(s => s.Seed == seed).Detail),
            t.Pooled is null or "—" ? t.Describe() : $"{t.Pooled}: {t.Describe()}",
        ])]);

    /// <summary>The table of <paramref name="claims"/> (default: all three), then one line per claim with its verdict.</summary>
    public string Render(IReadOnlyCollection<int>? claims = null) =>
        Table(claims).Render() + "\n"
        + string.Join("\n", new[] { 4, 5, 6 }.Where(c => claims is null || claims.Contains(c)).Select(c => $"Claim {c}: **{Word(Claim(c))}**.")) + "\n";

    private sealed record SeedRuns(int Seed, RecordedRun? Base, RecordedRun? SasPlus, RecordedRun? SasMinus, RecordedRun? Early, RecordedRun? Late);

    /// <summary>The run of <paramref name="variant"/> and <paramref name="seed"/> when it has reached the horizon; else null.</summary>
    private static RecordedRun? Finished(RunSet sweep, SasVariant variant, int seed, int horizon) =>
        sweep.OfVariant(variant).FirstOrDefault(r => r.Seed == seed && r.Series(MetricColumns.Uas).Steps.LastOrDefault() >= horizon
                                                     && r.Series(MetricColumns.EvalLoss).Steps.LastOrDefault() >= horizon);

    private static VerdictTest PerSeed(int claim, string id, string statement, IReadOnlyList<SeedRuns> seeds,
        Func<SeedRuns, RecordedRun?> run, Func<RecordedRun, RecordedRun, (bool Passes, string Detail)> test)
    {
        var results = seeds.Select(s =>
        {
            if (s.Base is not { } b || run(s) is not { } r) return new SeedResult(s.Seed, null, "—");
            var (passes, detail) = test(b, r);
            return new SeedResult(s.Seed, passes, (passes ? "yes: " : "no: ") + detail);
        }).ToList();
        var judged = results.Where(r => r.Passes is not null).ToList();
        var outcome = judged.Count < results.Count ? VerdictOutcome.Pending
            : judged.All(r => r.Passes == true) ? VerdictOutcome.Holds
            : judged.All(r => r.Passes == false) ? VerdictOutcome.DoesNotHold
            : VerdictOutcome.Partly;
        return new VerdictTest(claim, id, statement, results, null, outcome);
    }

    private static VerdictTest Pooled(int claim, string id, string statement, IReadOnlyList<SeedRuns> seeds,
        Func<SeedRuns, RecordedRun?> run, Func<double, double, bool> test)
    {
        var differences = seeds.Select(s => (s.Seed, Difference: s.Base is { } b && run(s) is { } r ? FinalBlimp(r) - FinalBlimp(b) : null,
            Pairs: s.Base?.BlimpProbePairs)).ToList();
        var judged = differences.Where(d => d.Difference is not null).ToList();
        // A pooled test is decided on the mean; a seed's cell shows its difference, and Passes only whether it was judged.
        var results = differences.Select(d => new SeedResult(d.Seed, d.Difference is null ? null : true,
            d.Difference is double x ? Points(x) : "—")).ToList();
        if (judged.Count == 0) return new VerdictTest(claim, id, statement, results, "—", VerdictOutcome.Pending);
        var mean = judged.Average(d => d.Difference!.Value);
        var pairs = judged.Min(d => d.Pairs!.Value);
        var standardError = Math.Sqrt(2 * 0.25 / pairs) / Math.Sqrt(judged.Count);
        var passes = test(mean, standardError);
        var pooled = string.Create(CultureInfo.InvariantCulture,
            $"{(passes ? "yes" : "no")}, mean {Points(mean)}, 2 SE {100 * BlimpStandardErrors * standardError:F1} pt (n = {pairs:N0} pairs, {judged.Count} seed{(judged.Count == 1 ? "" : "s")})");
        var outcome = judged.Count < results.Count ? VerdictOutcome.Pending : passes ? VerdictOutcome.Holds : VerdictOutcome.DoesNotHold;
        return new VerdictTest(claim, id, statement, results, pooled, outcome, passes);
    }

    private static VerdictOutcome Either(VerdictOutcome a, VerdictOutcome b) =>
        a == VerdictOutcome.Holds || b == VerdictOutcome.Holds ? VerdictOutcome.Holds
        : a == VerdictOutcome.DoesNotHold && b == VerdictOutcome.DoesNotHold ? VerdictOutcome.DoesNotHold
        : VerdictOutcome.Partly;

    /// <summary>Seed s's UAS midpoint: halfway from base's UAS at <see cref="MidpointFrom"/> to its final UAS.</summary>
    public static double Midpoint(RecordedRun baseRun)
    {
        var uas = baseRun.Series(MetricColumns.Uas);
        return (uas.At(MidpointFrom)!.Value + uas.Last!.Value) / 2;
    }

    /// <summary>
    /// t½: the first logged step at or after <paramref name="from"/> from which UAS stays at or above
    /// <paramref name="midpoint"/> for <see cref="StayFor"/> logged steps; null when it never does.
    /// </summary>
    public static double? ReachesMidpoint(RecordedRun run, double midpoint, double from = 0)
    {
        var uas = run.Series(MetricColumns.Uas).From(from);
        for (var i = 0; i + StayFor <= uas.Count; i++)
            if (Enumerable.Range(i, StayFor).All(j => uas.Values[j] >= midpoint)) return uas.Steps[i];
        return null;
    }

    private static (bool, string) EarlierMidpoint(RecordedRun baseRun, RecordedRun run)
    {
        var midpoint = Midpoint(baseRun);
        double? mine = ReachesMidpoint(run, midpoint), theirs = ReachesMidpoint(baseRun, midpoint);
        var passes = mine is double m && (theirs is not double t || m < t);
        return (passes, string.Create(CultureInfo.InvariantCulture, $"t½ {Step(mine)} vs {Step(theirs)} (m {midpoint:F3})"));
    }

    private static (bool, string) LossVersus(RecordedRun baseRun, RecordedRun run, bool passesWhenBelow)
    {
        double mine = FinalLoss(run), theirs = FinalLoss(baseRun);
        var below = mine < theirs * (1 - LossMargin);
        return (passesWhenBelow ? below : !below,
            string.Create(CultureInfo.InvariantCulture, $"{mine:F3} vs {theirs:F3} ({mine / theirs - 1:+0.0%;−0.0%})"));
    }

    private static (bool, string) NoSas(RecordedRun baseRun, RecordedRun run, double from)
    {
        var midpoint = Midpoint(baseRun);
        var uas = run.Series(MetricColumns.Uas).From(from);
        var (onset, _) = TransitionSummary.DetectOnset(uas);
        var reached = ReachesMidpoint(run, midpoint, from);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{(onset is null ? "no onset" : $"▲ {Math.Round(onset.StructureOnsetStep):N0}")}, {(reached is double t ? $"t½ {t:N0}" : $"max {uas.Values.Max():F3} < m {midpoint:F3}")}");
        return (onset is null && reached is null, detail);
    }

    private static (bool, string) EarlyLoss(RecordedRun baseRun, RecordedRun run)
    {
        var (onset, _) = TransitionSummary.DetectOnset(baseRun.Series(MetricColumns.Uas));
        if (onset is null) return (false, "base has no ▲");
        var until = Math.Round(onset.StructureOnsetStep);
        var baseLoss = baseRun.Series(MetricColumns.EvalLoss).From(EarlyLossFrom).Until(until);
        var runLoss = run.Series(MetricColumns.EvalLoss);
        var differences = baseLoss.Steps.Select((step, i) => runLoss.At(step) - baseLoss.Values[i]).OfType<double>().ToList();
        if (differences.Count == 0) return (false, "no common steps");
        var mean = differences.Average();
        return (mean < 0, string.Create(CultureInfo.InvariantCulture, $"mean {mean:+0.000;−0.000} nats, steps {EarlyLossFrom:N0}–{until:N0}"));
    }

    private static double FinalLoss(RecordedRun run) => run.Series(MetricColumns.EvalLoss).Last!.Value;

    private static double? FinalBlimp(RecordedRun run) => run.Series(MetricColumns.Blimp).Last;

    private static string Points(double difference) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * difference:+0.0;−0.0} pt");

    private static string Step(double? step) => step is double s ? s.ToString("N0", CultureInfo.InvariantCulture) : "never";
}
