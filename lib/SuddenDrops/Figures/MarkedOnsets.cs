using System.Globalization;
using SuddenDrops.Analysis;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Figures;

/// <summary>
/// The onsets a figure marks for one run: the UAS structure onset ▲ and capabilities onset ⏺ of its
/// <see cref="TransitionSummary"/>, but only when they are significant under the project's verdict rule, i.e. when
/// <see cref="OnsetDetector"/> still detects them with <see cref="OnsetOptions.MinRise"/> =
/// <see cref="OnsetOptions.UasVerdictMinRise"/> (a UAS rise of at least 0.05). A 0.02 wobble that the default
/// thresholds accept is not marked, and <see cref="NotMarkedReason"/> says why.
/// </summary>
/// <param name="Summary">The run's transition summary (default detector settings, as in the notebooks' tables).</param>
/// <param name="NotMarkedReason">Null when ▲ and ⏺ are marked; otherwise a short reason, e.g. "UAS rise 0.021 &lt; 0.05".</param>
internal sealed record MarkedOnsets(TransitionSummary Summary, string? NotMarkedReason)
{
    /// <summary>The detector settings under which an onset is marked.</summary>
    public static OnsetOptions MarkOptions { get; } = new() { MinRise = OnsetOptions.UasVerdictMinRise };

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
        var summary = TransitionSummary.Of(run);
        var uas = run.Series(MetricColumns.Uas);
        if (uas.IsEmpty) return new MarkedOnsets(summary, "no UAS column");
        // The detector's own verdict is a sentence of numbers; a note needs only its gist (the notebooks' tables give the rest).
        if (!summary.HasOnset) return new MarkedOnsets(summary, uas.Count < 5 ? summary.Verdict : "no significant UAS onset");
        var candidate = OnsetDetector.Analyze(uas.Steps, uas.Values, MarkOptions);
        return candidate.Detected is not null
            ? new MarkedOnsets(summary, null)
            : new MarkedOnsets(summary, string.Create(CultureInfo.InvariantCulture,
                $"UAS rise {candidate.Candidate?.Rise ?? 0:F3} < {OnsetOptions.UasVerdictMinRise:0.00}"));
    }
}
