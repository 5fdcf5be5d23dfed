using System.Globalization;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Analysis;

/// <summary>One plain-MLM base run as the release plan reads it: its UAS onsets under the verdict rule.</summary>
/// <param name="Run">Run folder name.</param>
/// <param name="LastStep">Its last checkpoint with a UAS value.</param>
/// <param name="StructureOnset">UAS ▲, or null.</param>
/// <param name="CapabilitiesOnset">UAS ⏺, or null.</param>
/// <param name="Problem">Why the run cannot set the plan yet (no onset, or ⏺ too close to its end); null when it can.</param>
public sealed record BaseOnset(string Run, double? LastStep, double? StructureOnset, double? CapabilitiesOnset, string? Problem);

/// <summary>
/// Release steps, horizon and dense-probe window of the paper's design, from the base runs, by the rule written in
/// <c>lib/SuddenDrops/Training/Regularizer.md</c> ("Release steps, horizon, probes, seeds") before those runs:
/// <list type="bullet">
/// <item>▲_base, ⏺_base = the medians over the base runs of their UAS ▲ and ⏺ (<see cref="TransitionSummary.DetectOnset"/>:
/// significant and a rise of at least 0.05 UAS);</item>
/// <item>k = 0.15, 0.5 and 1.5 × ▲_base, each rounded to a multiple of 100;</item>
/// <item>horizon = max(3.5 × ▲_base, ⏺_base + 1,500), rounded up to a multiple of 1,000, and never shorter than the
/// longest base run (its base runs are then the sweep's, extended where shorter);</item>
/// <item>TwoNN and BLiMP every 100 steps from ▲_base − 1,500 to ⏺_base + 1,500 (rounded outwards to 100).</item>
/// </list>
/// A base run sets the plan only when its ⏺ lies at least <see cref="PlateauAfterCapabilities"/> steps before its last
/// checkpoint: the detector places ⏺ where the rise levels off, which it cannot see at the very end of a run.
/// </summary>
/// <param name="Bases">Every base run found, by name.</param>
/// <param name="StructureOnset">▲_base, or null when the plan cannot be made yet.</param>
/// <param name="CapabilitiesOnset">⏺_base, or null.</param>
/// <param name="ReleaseSteps">The three k, smallest first (empty without a plan).</param>
/// <param name="Horizon">Steps of every run of the design, or null.</param>
/// <param name="ProbesFrom">First step of the dense TwoNN/BLiMP window, or null.</param>
/// <param name="ProbesTo">Last step of the window, or null.</param>
public sealed record ReleasePlan(
    IReadOnlyList<BaseOnset> Bases,
    double? StructureOnset,
    double? CapabilitiesOnset,
    IReadOnlyList<int> ReleaseSteps,
    int? Horizon,
    int? ProbesFrom,
    int? ProbesTo)
{
    /// <summary>k as fractions of ▲_base: early (the paper's SAS−(3k) released at ≈ 15 % of its onset), middle, late.</summary>
    public static readonly double[] ReleaseFractions = [0.15, 0.5, 1.5];

    /// <summary>The horizon is at least this many times ▲_base (the late release then has 2 × ▲_base steps to recover).</summary>
    public const double HorizonOnsets = 3.5;

    /// <summary>Steps past ⏺_base the horizon and the probe window reach, and before ▲_base the window starts.</summary>
    public const int Margin = 1500;

    /// <summary>A base's ⏺ must lie this many steps before its last checkpoint for it to set the plan.</summary>
    public const int PlateauAfterCapabilities = 1000;

    /// <summary>Whether every base run has a usable onset, so the plan exists.</summary>
    public bool IsReady => Horizon is not null;

    /// <summary>The base runs are first read at this step (their first length in the rule).</summary>
    public const int FirstReading = 8000;

    /// <summary>Base runs that cannot set the plan yet are extended, and read again, this many steps later.</summary>
    public const int ExtendBy = 4000;

    /// <summary>
    /// The step the base runs were read to when the plan was set, where they have been trained further since (the
    /// sweep extends them to the horizon); null when the plan reads them to their end.
    /// </summary>
    public double? ReadTo { get; init; }

    /// <summary>
    /// Plans from the base runs (variant <see cref="SasVariant.Baseline"/>) in <paramref name="runs"/> as the rule read them:
    /// to step <see cref="FirstReading"/>, then <see cref="ExtendBy"/> steps further each time a base could not set the plan,
    /// so that base runs since extended to the horizon still give the plan their sweep was run with.
    /// </summary>
    /// <exception cref="InvalidOperationException">No base run in the set.</exception>
    public static ReleasePlan Of(RunSet runs) => Of(runs, FirstReading, ExtendBy);

    /// <inheritdoc cref="Of(RunSet)"/>
    public static ReleasePlan Of(RunSet runs, int firstReading, int extendBy)
    {
        var bases = runs.OfVariant(SasVariant.Baseline);
        if (bases.Count == 0)
            throw new InvalidOperationException($"{runs.Folder}: no base run (sdrops sweep --variants base) to plan the release steps from.");
        var longest = bases.Max(b => b.Series(MetricColumns.Uas).Steps.LastOrDefault());
        for (double readTo = firstReading; ; readTo += extendBy)
        {
            var plan = Of([.. bases.Select(b => Read(b, readTo))]);
            if (readTo >= longest) return plan;
            if (plan.IsReady) return plan with { ReadTo = readTo };
        }
    }

    /// <summary>Plans from base onsets already read.</summary>
    public static ReleasePlan Of(IReadOnlyList<BaseOnset> bases)
    {
        if (bases.Count == 0 || bases.Any(b => b.Problem is not null)) return new ReleasePlan(bases, null, null, [], null, null, null);
        var structure = RobustStatistics.Median([.. bases.Select(b => b.StructureOnset!.Value)]);
        var capabilities = RobustStatistics.Median([.. bases.Select(b => b.CapabilitiesOnset!.Value)]);
        int[] releases = [.. ReleaseFractions.Select(f => Math.Max(100, (int)Math.Round(f * structure / 100, MidpointRounding.AwayFromZero) * 100))];
        var horizon = Math.Max((int)Math.Ceiling(Math.Max(HorizonOnsets * structure, capabilities + Margin) / 1000) * 1000,
                               (int)bases.Max(b => b.LastStep ?? 0)); // never shorter than a base already trained
        var from = Math.Max(0, (int)Math.Floor((structure - Margin) / 100) * 100);
        var to = Math.Min(horizon, (int)Math.Ceiling((capabilities + Margin) / 100) * 100);
        return new ReleasePlan(bases, structure, capabilities, releases, horizon, from, to);
    }

    /// <summary>One base run's onsets, or why it cannot set the plan, from its UAS up to step <paramref name="readTo"/>.</summary>
    public static BaseOnset Read(RecordedRun run, double readTo = double.PositiveInfinity)
    {
        var uas = run.Series(MetricColumns.Uas).Until(readTo);
        var (onset, verdict) = TransitionSummary.DetectOnset(uas);
        double? last = uas.IsEmpty ? null : uas.Steps[^1];
        if (onset is null)
            return new BaseOnset(run.Name, last, null, null, string.Create(CultureInfo.InvariantCulture, $"{verdict} by step {last:N0}: extend it (sdrops extend)"));
        double structure = Math.Round(onset.StructureOnsetStep), capabilities = Math.Round(onset.CapabilitiesOnsetStep);
        return capabilities > last - PlateauAfterCapabilities
            ? new BaseOnset(run.Name, last, structure, capabilities, string.Create(CultureInfo.InvariantCulture,
                $"⏺ at step {capabilities:N0} is less than {PlateauAfterCapabilities:N0} steps before its last checkpoint ({last:N0}): extend it (sdrops extend)"))
            : new BaseOnset(run.Name, last, structure, capabilities, null);
    }

    /// <summary>The base runs and the plan, as markdown.</summary>
    public MarkdownTable Table() => new(
        ["base run", "last step", "UAS ▲", "UAS ⏺", "sets the plan"],
        [.. Bases.Select(b => (IReadOnlyList<string>)
        [
            b.Run, Steps(b.LastStep), Steps(b.StructureOnset), Steps(b.CapabilitiesOnset), b.Problem is null ? "yes" : "no: " + b.Problem,
        ])]);

    /// <summary>The plan in one sentence, or what is missing.</summary>
    public string Describe() => IsReady
        ? string.Create(CultureInfo.InvariantCulture,
            $"{(ReadTo is double r ? $"Base runs read to step {r:N0}, where the rule set the plan: " : "")}▲_base {StructureOnset:N0}, ⏺_base {CapabilitiesOnset:N0} (medians): release steps k = {string.Join(", ", ReleaseSteps.Select(k => k.ToString("N0", CultureInfo.InvariantCulture)))}; horizon {Horizon:N0} steps; TwoNN and BLiMP every 100 steps from {ProbesFrom:N0} to {ProbesTo:N0}.")
        : "No plan yet: every base run needs a UAS onset whose ⏺ lies well before its end.";

    /// <summary>
    /// The plan as shell assignments (<c>RELEASES=300,1000,3000</c>, <c>HORIZON</c>, <c>PROBES_FROM</c>, <c>PROBES_TO</c>),
    /// for a script to <c>eval</c>; null without a plan.
    /// </summary>
    public string? Shell() => IsReady
        ? string.Create(CultureInfo.InvariantCulture,
            $"RELEASES={string.Join(',', ReleaseSteps)}\nHORIZON={Horizon}\nPROBES_FROM={ProbesFrom}\nPROBES_TO={ProbesTo}\n")
        : null;

    private static string Steps(double? step) => step is double s ? s.ToString("N0", CultureInfo.InvariantCulture) : "—";
}
