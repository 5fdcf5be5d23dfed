using System.Globalization;
using System.Text;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Analysis;

/// <summary>
/// The two-stage transition of one run in numbers (Chen et al. 2024, §3): the structure onset ▲ and capabilities onset ⏺
/// that <see cref="OnsetDetector"/> finds on the run's UAS curve, and the raw MLM loss, UAS and BLiMP there
/// (interpolated between checkpoints). Flat, so that a list of them shows as a table in a notebook.
/// </summary>
/// <param name="Run">Run folder name.</param>
/// <param name="Checkpoints">Checkpoints with a UAS value.</param>
/// <param name="LastStep">Last checkpoint step.</param>
/// <param name="StructureOnsetStep">▲: where UAS starts its sudden rise; null when the detector finds no onset.</param>
/// <param name="CapabilitiesOnsetStep">⏺: where the rise levels off; null when there is no onset.</param>
/// <param name="UasStart">UAS at the first checkpoint.</param>
/// <param name="UasAtStructureOnset">UAS at ▲.</param>
/// <param name="UasAtCapabilitiesOnset">UAS at ⏺.</param>
/// <param name="UasFinal">UAS at the last checkpoint.</param>
/// <param name="UasMax">Highest UAS of the run.</param>
/// <param name="OffsetBaseline">The best fixed-offset parser's UAS on the same words.</param>
/// <param name="LossAtStructureOnset">Held-out MLM loss at ▲.</param>
/// <param name="LossAtCapabilitiesOnset">Held-out MLM loss at ⏺.</param>
/// <param name="LossFinal">Held-out MLM loss at the last checkpoint.</param>
/// <param name="BlimpAtStructureOnset">BLiMP at ▲ (null when not measured).</param>
/// <param name="BlimpAtCapabilitiesOnset">BLiMP at ⏺.</param>
/// <param name="BlimpFinal">BLiMP at the last checkpoint.</param>
/// <param name="Verdict">"onset" or why there is none.</param>
public sealed record TransitionSummary(
    string Run,
    int Checkpoints,
    double? LastStep,
    double? StructureOnsetStep,
    double? CapabilitiesOnsetStep,
    double? UasStart,
    double? UasAtStructureOnset,
    double? UasAtCapabilitiesOnset,
    double? UasFinal,
    double? UasMax,
    double? OffsetBaseline,
    double? LossAtStructureOnset,
    double? LossAtCapabilitiesOnset,
    double? LossFinal,
    double? BlimpAtStructureOnset,
    double? BlimpAtCapabilitiesOnset,
    double? BlimpFinal,
    string Verdict)
{
    /// <summary>Whether a significant onset was found.</summary>
    public bool HasOnset => StructureOnsetStep is not null;

    /// <summary>Summarises <paramref name="run"/>; runs without a UAS column, or with fewer than 5 UAS checkpoints, get no onset.</summary>
    public static TransitionSummary Of(RecordedRun run)
    {
        var uas = run.Series(MetricColumns.Uas);
        var loss = run.Series(MetricColumns.EvalLoss);
        var blimp = run.Series(MetricColumns.Blimp);
        var (onset, verdict) = DetectOnset(uas);
        double? structure = Whole(onset?.StructureOnsetStep), capabilities = Whole(onset?.CapabilitiesOnsetStep);
        return new TransitionSummary(
            run.Name, uas.Count, uas.IsEmpty ? loss.Steps.LastOrDefault() : uas.Steps[^1],
            structure, capabilities,
            uas.First, At(uas, structure), At(uas, capabilities), uas.Last, uas.IsEmpty ? null : uas.Values.Max(),
            run.Series(MetricColumns.UasOffsetBaseline).Last,
            At(loss, structure), At(loss, capabilities), loss.Last,
            At(blimp, structure), At(blimp, capabilities), blimp.Last,
            verdict);
    }

    /// <summary>The UAS onset of a series, with a one-line reason when there is none.</summary>
    public static (Onset? Onset, string Verdict) DetectOnset(MetricSeries uas)
    {
        if (uas.IsEmpty) return (null, "no UAS column");
        if (uas.Count < 5) return (null, $"only {uas.Count} UAS checkpoint(s); the detector needs 5");
        var analysis = OnsetDetector.Analyze(uas.Steps, uas.Values, OnsetOptions.UasVerdict);
        if (analysis.Detected is { } onset) return (onset, "onset");
        return (null, analysis.Candidate is { } c
            ? string.Create(CultureInfo.InvariantCulture,
                $"no onset: the steepest UAS rise (step {c.InflectionStep:N0}) is not sudden enough (rise {c.Rise:F3}, {c.RiseFraction:P0} of the range, sharpness {c.Sharpness:F1}, {c.RiseOverNoise:F1}× the noise)")
            : "no onset: UAS never rises");
    }

    /// <summary>One paragraph with the numbers, for a notebook's "what our run shows".</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"{Run}: {Checkpoints} checkpoints up to step {LastStep:N0}. ");
        if (!HasOnset)
        {
            text.Append(inv, $"UAS went from {UasStart:F3} to {UasFinal:F3} (best {UasMax:F3}; best offset baseline {OffsetBaseline:F3}); {Verdict}.");
            return text.ToString();
        }
        text.Append(inv, $"Structure onset ▲ at step {StructureOnsetStep:N0}, capabilities onset ⏺ at step {CapabilitiesOnsetStep:N0}. ");
        text.Append(inv, $"UAS {UasStart:F3} at the start, {UasAtStructureOnset:F3} at ▲, {UasAtCapabilitiesOnset:F3} at ⏺, {UasFinal:F3} at the end");
        text.Append(OffsetBaseline is double b ? string.Create(inv, $" (best offset baseline {b:F3}). ") : ". ");
        text.Append(inv, $"Held-out MLM loss {LossAtStructureOnset:F2} at ▲, {LossAtCapabilitiesOnset:F2} at ⏺, {LossFinal:F2} at the end");
        if (LossAtStructureOnset is double l1 && LossAtCapabilitiesOnset is double l2 && StructureOnsetStep is double s1 && CapabilitiesOnsetStep is double s2)
            text.Append(inv, $": it drops {l1 - l2:F2} nats in the {s2 - s1:N0} steps between ▲ and ⏺");
        text.Append(". ");
        text.Append(BlimpFinal is double final
            ? string.Create(inv, $"BLiMP {BlimpAtStructureOnset:P1} at ▲, {BlimpAtCapabilitiesOnset:P1} at ⏺, {final:P1} at the end.")
            : "BLiMP was not measured in this run.");
        return text.ToString();
    }

    /// <summary>Onset steps are estimated between checkpoints; reported as whole steps.</summary>
    private static double? Whole(double? step) => step is double s ? Math.Round(s) : null;

    private static double? At(MetricSeries series, double? step) => step is double s ? series.At(s) : null;
}
