using System.Globalization;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Analysis;

/// <summary>
/// The second stage of one run (Chen et al. 2024, §3.1, claim 2): does a capabilities onset — BLiMP jumping — follow the
/// UAS plateau? Judged by the rule written in the README before the second-scale search ran ("A second scale on this
/// CPU", issue 17):
/// <list type="bullet">
/// <item>UAS has a structure onset: <see cref="OnsetDetector"/> significant with a smoothed rise of at least
/// <see cref="UasMinRise"/>; its ⏺ starts the plateau.</item>
/// <item>BLiMP's plateau value is the mean of the BLiMP probes in the <see cref="PlateauTokens"/> tokens after the UAS ⏺.</item>
/// <item><b>Stage 2 shows</b> when BLiMP has a significant onset of its own (▲ and ⏺, the detector's defaults), the mean of
/// its last three probes is at least <see cref="MinGain"/> above the plateau value, and the full BLiMP (all pairs,
/// <c>sdrops blimp</c> on the last checkpoint) is at least <see cref="MinFullBlimp"/>.</item>
/// </list>
/// The order the claim is about is reported separately: whether the UAS ⏺ comes before the ▲ of BLiMP and before the ▲ of
/// the held-out masked-token accuracy (the paper: the capabilities follow the plateau) or not (they start with the structure).
/// For the order, BLiMP's and the accuracy's ▲ are those of their steepest rise whether or not the detector calls it sudden
/// (<see cref="BlimpOnsetSudden"/>, <see cref="AccuracyOnsetSudden"/> say which): with probes every 500 steps the detector's
/// sharpness test passes only rises a few hundred steps wide, and where a rise begins matters to the claim either way.
/// </summary>
/// <param name="Run">Run folder name.</param>
/// <param name="UasStructureOnset">UAS ▲ (step), null without a significant onset.</param>
/// <param name="UasCapabilitiesOnset">UAS ⏺ (step): where the plateau begins.</param>
/// <param name="BlimpProbes">BLiMP checkpoints in the metrics.</param>
/// <param name="BlimpStructureOnset">▲ of BLiMP's steepest rise (step), null when it never rises or has under 5 probes.</param>
/// <param name="BlimpCapabilitiesOnset">⏺ of that rise (step).</param>
/// <param name="BlimpOnsetSudden">Whether the detector calls that rise significant (all its tests).</param>
/// <param name="AccuracyStructureOnset">▲ of the held-out masked-token accuracy's steepest rise (step).</param>
/// <param name="AccuracyOnsetSudden">Whether the detector calls that rise significant.</param>
/// <param name="BlimpPlateau">Mean BLiMP in the <see cref="PlateauTokens"/> tokens after the UAS ⏺; null without UAS ⏺ or probes there.</param>
/// <param name="BlimpLastThree">Mean of the last three BLiMP probes.</param>
/// <param name="FullBlimp">Mean over paradigms of the full BLiMP report of the last checkpoint, null when there is none.</param>
/// <param name="FullBlimpPairs">Pairs of that report.</param>
public sealed record CapabilitiesSummary(
    string Run,
    double? UasStructureOnset,
    double? UasCapabilitiesOnset,
    int BlimpProbes,
    double? BlimpStructureOnset,
    double? BlimpCapabilitiesOnset,
    bool BlimpOnsetSudden,
    double? AccuracyStructureOnset,
    bool AccuracyOnsetSudden,
    double? BlimpPlateau,
    double? BlimpLastThree,
    double? FullBlimp,
    int? FullBlimpPairs)
{
    /// <summary>A UAS onset counts only with a smoothed rise of at least this much (the project's verdict rule).</summary>
    public const double UasMinRise = OnsetOptions.UasVerdictMinRise;

    /// <summary>Tokens after the UAS ⏺ over which BLiMP's plateau value is averaged.</summary>
    public const double PlateauTokens = 8e6;

    /// <summary>BLiMP's last three probes must average at least this much above the plateau value.</summary>
    public const double MinGain = 0.05;

    /// <summary>The full BLiMP of the last checkpoint must reach at least this.</summary>
    public const double MinFullBlimp = 0.58;

    /// <summary>The rule in one sentence, from the constants above (for notebooks and reports).</summary>
    public static string Rule { get; } = string.Create(CultureInfo.InvariantCulture,
        $"UAS ▲/⏺ count only with a smoothed rise of at least {UasMinRise:0.00}; BLiMP's plateau value is its mean in the " +
        $"{PlateauTokens / 1e6:0}M tokens after the UAS ⏺; stage 2 shows when BLiMP then has a significant onset of its own, its last " +
        $"three probes average at least {MinGain * 100:0} points above the plateau, and the full BLiMP of the last checkpoint " +
        $"is at least {MinFullBlimp:P0}.");

    /// <summary>BLiMP's gain at the end over its plateau value.</summary>
    public double? Gain => BlimpLastThree - BlimpPlateau;

    /// <summary>Whether the run meets every condition of the rule (see the type's summary).</summary>
    public bool StageTwoShows =>
        BlimpOnsetSudden && Gain >= MinGain && FullBlimp >= MinFullBlimp;

    /// <summary>UAS ⏺ before the ▲ of BLiMP's steepest rise: null when either is missing.</summary>
    public bool? BlimpFollowsPlateau => Before(UasCapabilitiesOnset, BlimpStructureOnset);

    /// <summary>UAS ⏺ before the ▲ of the accuracy's steepest rise: null when either is missing.</summary>
    public bool? AccuracyFollowsPlateau => Before(UasCapabilitiesOnset, AccuracyStructureOnset);

    /// <summary>Summarises <paramref name="run"/> by the rule above.</summary>
    /// <param name="run">A recorded run.</param>
    /// <param name="lateFrom">
    /// BLiMP's and the accuracy's onsets are looked for from this step on: the accuracy's steepest rise over a whole run is
    /// its first few hundred steps (learning the unigram distribution), not the late rise the claim is about.
    /// </param>
    public static CapabilitiesSummary Of(RecordedRun run, double lateFrom = 0)
    {
        var uas = run.Series(MetricColumns.Uas);
        var blimp = run.Series(MetricColumns.Blimp).From(lateFrom);
        var accuracy = run.Series(MetricColumns.EvalAccuracy).From(lateFrom);
        var uasOnset = Steepest(uas, OnsetOptions.UasVerdict);
        uasOnset = uasOnset is { IsSignificant: true } ? uasOnset : null;
        var blimpOnset = Steepest(blimp, null);
        var accuracyOnset = Steepest(accuracy, null);
        var plateauEnd = uasOnset is null ? (double?)null : uasOnset.CapabilitiesOnsetStep + PlateauTokens / run.TokensPerStep;
        var plateau = uasOnset is null ? [] : Enumerable.Range(0, blimp.Count)
            .Where(i => blimp.Steps[i] >= uasOnset.CapabilitiesOnsetStep && blimp.Steps[i] <= plateauEnd)
            .Select(i => blimp.Values[i]).ToArray();
        var full = FinalEvaluation.Blimp(run);
        return new CapabilitiesSummary(
            run.Name,
            Whole(uasOnset?.StructureOnsetStep), Whole(uasOnset?.CapabilitiesOnsetStep),
            blimp.Count, Whole(blimpOnset?.StructureOnsetStep), Whole(blimpOnset?.CapabilitiesOnsetStep), blimpOnset?.IsSignificant ?? false,
            Whole(accuracyOnset?.StructureOnsetStep), accuracyOnset?.IsSignificant ?? false,
            plateau.Length == 0 ? null : plateau.Average(),
            blimp.Count < 3 ? null : blimp.Values[^3..].Average(),
            full?.MeanOverParadigms, full?.Pairs);
    }

    /// <summary>One line for a table cell or a notebook: the verdict and why.</summary>
    public string Verdict()
    {
        var inv = CultureInfo.InvariantCulture;
        if (UasCapabilitiesOnset is null) return "no UAS onset, so no plateau to follow";
        if (BlimpProbes == 0) return "BLiMP not probed during training";
        var missing = new List<string>();
        if (!BlimpOnsetSudden) missing.Add(BlimpStructureOnset is null ? "BLiMP never rises" : "BLiMP's steepest rise is not sudden");
        if (Gain is not double g || g < MinGain) missing.Add(string.Create(inv, $"gain {Gain * 100:+0.0;-0.0} points < {MinGain * 100:0}"));
        if (FullBlimp is not double f) missing.Add("no full BLiMP of the last checkpoint");
        else if (f < MinFullBlimp) missing.Add(string.Create(inv, $"full BLiMP {f:P1} < {MinFullBlimp:P0}"));
        return missing.Count == 0 ? "stage 2 shows" : "stage 2 does not show: " + string.Join("; ", missing);
    }

    /// <summary>The steepest rise, significant or not; null under 5 points or when the series never rises.</summary>
    private static Onset? Steepest(MetricSeries series, OnsetOptions? options) =>
        series.Count < 5 ? null : OnsetDetector.Analyze(series.Steps, series.Values, options).Candidate;

    private static bool? Before(double? first, double? second) => first is double a && second is double b ? a < b : null;

    private static double? Whole(double? step) => step is double s ? Math.Round(s) : null;
}
