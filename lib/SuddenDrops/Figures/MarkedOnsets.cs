using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// The onsets a figure marks for one run: the UAS structure onset ▲ and capabilities onset ⏺ of its
/// <see cref="TransitionSummary"/>, which detects them under the project's verdict rule (<see cref="OnsetOptions.UasVerdict"/>:
/// a UAS rise of at least 0.05), as the tables do. A 0.02 wobble that the default thresholds would accept is not marked,
/// and <see cref="NotMarkedReason"/> says why.
/// </summary>
/// <param name="Summary">The run's transition summary (the verdict rule, as in the tables).</param>
/// <param name="NotMarkedReason">Null when ▲ and ⏺ are marked; otherwise a short reason, e.g. "UAS rise 0.021 &lt; 0.05".</param>
internal sealed record MarkedOnsets(TransitionSummary Summary, string? NotMarkedReason)
{
    /// <summary>The run's name.</summary>
    public string Run => Summary.Run;

    /// <summary>Whether ▲ and ⏺ are drawn.</summary>
    public bool IsMarked => NotMarkedReason is null;

    /// <summary>▲, when marked.</summary>
    public double? StructureOnsetStep => IsMarked ? Summary.StructureOnsetStep : null;

    /// <summary>⏺, when marked.</summary>
    public double? CapabilitiesOnsetStep => IsMarked ? Summary.CapabilitiesOnsetStep : null;

    /// <summary>The marked onsets of <paramref name="run"/>.</summary>
    public static MarkedOnsets Of(RecordedRun run)
    {
        var summary = TransitionSummary.Of(run); // already under the verdict rule (OnsetOptions.UasVerdict)
        var uas = run.Series(MetricColumns.Uas);
        if (uas.IsEmpty) return new MarkedOnsets(summary, "no UAS column");
        if (summary.HasOnset) return new MarkedOnsets(summary, null);
        if (uas.Count < 5) return new MarkedOnsets(summary, summary.Verdict);
        // The detector's own verdict is a sentence of numbers; a note needs only its gist (the notebooks' tables give the
        // rest). A rise that the default thresholds accept but the minimum rise rejects is named with its size.
        var wobble = OnsetDetector.Analyze(uas.Steps, uas.Values).Detected;
        return new MarkedOnsets(summary, wobble is not null && wobble.Rise < OnsetOptions.UasVerdictMinRise
            ? string.Create(CultureInfo.InvariantCulture, $"UAS rise {wobble.Rise:F3} < {OnsetOptions.UasVerdictMinRise:0.00}")
            : "no significant UAS onset");
    }
}
