using SuddenDrops.Data;
using SuddenDrops.Experiments;
using SuddenDrops.Tests.Metrics;

namespace SuddenDrops.Tests.Experiments;

public class RelationOnsetsTests
{
    private static readonly double[] Steps = NoisySeries.RegularSteps(81, 100); // 0…8,000 every 100, like the tiny runs

    /// <summary>Rows of one relation whose UAS follows <paramref name="uas"/>, with a constant baseline.</summary>
    private static IEnumerable<RelationCurveRow> Curve(string relation, double[] uas, double baseline) =>
        Steps.Select((s, i) => new RelationCurveRow((long)s, relation, 300, uas[i], "1-0-dep2head", uas[i] / 2, "1-0-dep2head", 1, baseline));

    [Fact]
    public void Each_relation_gets_its_own_onset_early_late_or_none()
    {
        var early = NoisySeries.Logistic(Steps, center: 2000, width: 150, baseLevel: 0.1, height: 0.5, noise: 0.01, seed: 1);
        var late = NoisySeries.Logistic(Steps, center: 5500, width: 150, baseLevel: 0.1, height: 0.3, noise: 0.01, seed: 2);
        var flat = NoisySeries.Linear(Steps, intercept: 0.2, slope: 0, noise: 0.01, seed: 3);
        // interleaved by step, as the walker writes them
        var rows = Curve("det", early, 0.58).Zip(Curve("nsubj", late, 0.33), Curve("obl", flat, 0.2))
            .SelectMany(t => new[] { t.First, t.Second, t.Third }).ToList();

        var onsets = RelationOnsets.From(rows);

        Assert.Equal(["det", "nsubj", "obl"], onsets.Select(o => o.Relation));
        var det = onsets[0].Onset!;
        var nsubj = onsets[1].Onset!;
        Assert.NotNull(det);
        Assert.NotNull(nsubj);
        Assert.InRange(det.InflectionStep, 1800, 2200);
        Assert.InRange(nsubj.InflectionStep, 5300, 5700);
        Assert.True(det.StructureOnsetStep < det.InflectionStep && det.InflectionStep < det.CapabilitiesOnsetStep);
        Assert.True(det.CapabilitiesOnsetStep < nsubj.StructureOnsetStep, "det levels off before nsubj starts rising");
        Assert.Null(onsets[2].Onset);

        Assert.Equal((81, 8000L, early[^1], early[^1] / 2, early.Max()), (onsets[0].Checkpoints, onsets[0].FinalStep, onsets[0].FinalUas, onsets[0].FinalOverallUas, onsets[0].MaxUas));
        Assert.True(onsets[0].BeatsBaseline);   // ≈ 0.6 > 0.58
        Assert.True(onsets[1].BeatsBaseline);   // ≈ 0.4 > 0.33
        Assert.Equal(flat[^1] > 0.2, onsets[2].BeatsBaseline); // decided by the last checkpoint
    }

    [Fact]
    public void Curves_too_short_for_the_detector_have_no_analysis_and_duplicates_are_refused()
    {
        var rows = Curve("det", Steps.Select(_ => 0.5).ToArray(), 0.4).Take(4).ToList();
        var onset = Assert.Single(RelationOnsets.From(rows));
        Assert.Null(onset.Analysis);
        Assert.Equal(4, onset.Checkpoints);

        rows.Add(rows[^1]);
        var error = Assert.Throws<ArgumentException>(() => RelationOnsets.From(rows));
        Assert.Contains("step 300", error.Message);
    }

    [Fact]
    public void The_table_is_recomputed_from_the_csv_it_was_written_from()
    {
        using var folder = new TempFolder();
        var uas = NoisySeries.Logistic(Steps, center: 3000, width: 200, baseLevel: 0.1, height: 0.4, noise: 0.01, seed: 4);
        var rows = Curve("case", uas, 0.4).ToList();
        var path = folder.PathOf("relations.csv");
        RelationCurveCsv.Write(path, rows);

        Assert.Equal(rows, RelationCurveCsv.Read(path));
        Assert.Equal(RelationOnsets.From(rows).Single().Onset, RelationOnsets.From(RelationCurveCsv.Read(path)).Single().Onset);

        RelationOnsets.Write(folder.PathOf("onsets.csv"), RelationOnsets.From(rows));
        var lines = File.ReadAllLines(folder.PathOf("onsets.csv"));
        Assert.Equal(RelationOnsets.Header, lines[0]);
        Assert.StartsWith("case,300,81,8000,", lines[1]);
    }

    [Fact]
    public void A_bad_line_is_reported_with_file_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("relations.csv", RelationCurveCsv.Header + "\n0,det,300,0.5,1-0-dep2head,0.5,1-0-dep2head,1,0.58\n100,det,300,oops,1-0-dep2head,0.5,1-0-dep2head,1,0.58\n");
        var error = Assert.Throws<DataFormatException>(() => RelationCurveCsv.Read(path));
        Assert.Equal((path, 3), (error.File, error.Line));
        Assert.Contains("'oops'", error.Message);
    }
}
