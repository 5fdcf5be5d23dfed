using System.Globalization;
using SuddenDrops.Data;
using SuddenDrops.Metrics;

namespace SuddenDrops.Experiments;

/// <summary>
/// Which dependency relations the implicit parse acquires first, and whether they jump together: the onset
/// (<see cref="OnsetDetector"/>, default options) of each relation's UAS curve in <c>curves/relations.csv</c>.
/// A pure function of the rows, so reports and tests can recompute it; <see cref="Write"/> saves
/// <c>curves/relation_onsets.csv</c>.
/// </summary>
public static class RelationOnsets
{
    public const string Header = "relation,words,checkpoints,final_step,final_uas,final_uas_overall,max_uas,baseline_offset,baseline_uas,beats_baseline," +
                                 "structure_onset,inflection,capabilities_onset,rise,rise_fraction,sharpness,rise_over_noise,significant,breakthroughness";

    /// <summary>One onset per relation, in the order relations first appear in <paramref name="rows"/>.</summary>
    public static IReadOnlyList<RelationOnset> From(IEnumerable<RelationCurveRow> rows, OnsetOptions? options = null)
    {
        var result = new List<RelationOnset>();
        foreach (var curve in rows.GroupBy(r => r.Relation, StringComparer.Ordinal))
        {
            var points = curve.OrderBy(r => r.Step).ToList();
            var duplicate = points.Zip(points.Skip(1)).FirstOrDefault(p => p.First.Step == p.Second.Step);
            if (duplicate != default)
                throw new ArgumentException($"Relation '{curve.Key}' has two rows at step {duplicate.First.Step}.", nameof(rows));
            var analysis = points.Count >= 5
                ? OnsetDetector.Analyse(points.Select(p => (double)p.Step).ToArray(), points.Select(p => p.Uas).ToArray(), options)
                : null;
            var last = points[^1];
            result.Add(new RelationOnset(curve.Key, last.Words, points.Count, last.Step, last.Uas, last.OverallUas, points.Max(p => p.Uas),
                last.BaselineOffset, last.BaselineUas, analysis));
        }
        return result;
    }

    /// <summary>Writes the table atomically (empty cells where there is no candidate rise).</summary>
    public static void Write(string path, IEnumerable<RelationOnset> onsets)
    {
        var lines = new List<string> { Header };
        foreach (var o in onsets)
        {
            var c = o.Candidate;
            lines.Add(string.Join(',',
                o.Relation, I(o.Words), I(o.Checkpoints), I(o.FinalStep), F(o.FinalUas), F(o.FinalOverallUas), F(o.MaxUas),
                I(o.BaselineOffset), F(o.BaselineUas), o.BeatsBaseline ? "1" : "0",
                F(c?.StructureOnsetStep), F(c?.InflectionStep), F(c?.CapabilitiesOnsetStep), F(c?.Rise), F(c?.RiseFraction), F(c?.Sharpness),
                F(c?.RiseOverNoise), c is null ? "" : o.Onset is null ? "0" : "1", F(o.Analysis?.Breakthroughness)));
        }
        AtomicFile.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double? value) => value is double d && !double.IsNaN(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "";
}
