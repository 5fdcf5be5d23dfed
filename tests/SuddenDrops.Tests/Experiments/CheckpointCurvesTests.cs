using SuddenDrops.Data;
using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Experiments;

public class CheckpointCurvesTests(TinyRunWithCheckpoints tiny) : IClassFixture<TinyRunWithCheckpoints>
{
    private static readonly IReadOnlySet<CurveProbe> AllProbes = new HashSet<CurveProbe> { CurveProbe.Relations, CurveProbe.Blimp, CurveProbe.TwoNN };

    [Fact]
    public void Steps_are_the_multiples_of_the_spacing_plus_the_first_and_the_last()
    {
        Assert.Equal([0L, 500, 1000, 1234], CheckpointCurves.SelectSteps([0, 100, 500, 600, 1000, 1234], 500));
        Assert.Equal([100L, 500, 600], CheckpointCurves.SelectSteps([600, 100, 500], 500));
        Assert.Equal([7L], CheckpointCurves.SelectSteps([7], 500));
        Assert.Empty(CheckpointCurves.SelectSteps([], 500));
    }

    [Fact]
    public void A_dense_window_adds_its_own_spacing_inside_it()
    {
        var steps = Enumerable.Range(0, 81).Select(i => i * 100L).ToList(); // 0 … 8,000 every 100
        var selected = CheckpointCurves.SelectSteps(steps, 1000, new DenseWindow(3500, 4200, 100));
        Assert.Equal([0L, 1000, 2000, 3000, 3500, 3600, 3700, 3800, 3900, 4000, 4100, 4200, 5000, 6000, 7000, 8000], selected);
        Assert.Throws<ArgumentOutOfRangeException>(() => CheckpointCurves.SelectSteps(steps, 1000, new DenseWindow(0, 1, 0)));
    }

    [Fact]
    public void A_finished_run_is_evaluated_after_the_fact_with_the_values_its_training_probes_wrote()
    {
        using var folder = new TempFolder();
        var run = tiny.CopyTo(folder.PathOf("run"));
        var training = new MetricsLog(Path.Combine(run, "metrics.csv"));
        var output = folder.PathOf("curves");
        var options = new CheckpointCurvesOptions(AllProbes, Every: 2, OutDirectory: output, DataRoot: SharedData.Root, Relations: 4, MinRelationWords: 20);

        var first = CheckpointCurves.Run(run, options);

        Assert.Equal([0L, 2], first.Selected);
        Assert.Equal([0L, 2], first.Evaluated.Select(e => e.Step));
        var probes = new MetricsLog(Path.Combine(output, CurveFiles.Probes));
        Assert.Equal([0.0, 2], probes.Numbers("step"));
        var compared = training.Columns.Where(c => c.StartsWith("uas", StringComparison.Ordinal) || c.StartsWith("blimp", StringComparison.Ordinal) || c.StartsWith("id_", StringComparison.Ordinal)).ToList();
        Assert.Contains("uas_head", compared);
        Assert.Contains("blimp_syntax", compared);
        Assert.Contains("id_cls_cos_L2", compared);
        Assert.Equal(compared.Prepend("step").Order(), probes.Columns.Order());
        foreach (var step in new[] { 0.0, 2 })
            foreach (var column in compared)
                Assert.Equal(training.Find("step", step)![column], probes.Find("step", step)![column]); // bit for bit: the same code

        var relations = RelationCurveCsv.Read(Path.Combine(output, CurveFiles.Relations));
        Assert.Equal([0L, 2], relations.Select(r => r.Step).Distinct());
        foreach (var step in new long[] { 0, 2 })
        {
            var rows = relations.Where(r => r.Step == step).ToList();
            Assert.Equal("all", rows[0].Relation);
            Assert.True(rows.Count == 5, $"step {step}: {rows.Count} rows ({rows[0].Words} words): \"all\" + the 4 most frequent relations with ≥ 20 words expected");
            Assert.Equal((double)training.Find("step", step)!["uas_nonroot"]!, rows[0].Uas);
            Assert.Equal(training.Find("step", step)!["uas_head"], rows[0].Head);
            Assert.All(rows, r => Assert.Equal(rows[0].Head, r.OverallHead));
            Assert.All(rows, r => Assert.True(r.Uas >= r.OverallUas, $"{r.Relation}: own best {r.Uas} < overall head {r.OverallUas}"));
        }
        Assert.Equal(relations.Select(r => r.Relation).Distinct(), first.Onsets.Select(o => o.Relation));
        Assert.True(File.Exists(Path.Combine(output, CurveFiles.RelationOnsets)));

        // rerun: every row is there, nothing runs, nothing changes
        var before = File.ReadAllText(Path.Combine(output, CurveFiles.Relations)) + File.ReadAllText(Path.Combine(output, CurveFiles.Probes));
        var again = CheckpointCurves.Run(run, options);
        Assert.Empty(again.Evaluated);
        Assert.Equal([0L, 2], again.Skipped);
        Assert.Equal(before, File.ReadAllText(Path.Combine(output, CurveFiles.Relations)) + File.ReadAllText(Path.Combine(output, CurveFiles.Probes)));

        // a denser pass with one probe fills in only the missing step, in step order
        var denser = CheckpointCurves.Run(run, options with { Every = 1, Probes = new HashSet<CurveProbe> { CurveProbe.Relations } });
        Assert.Equal([1L], denser.Evaluated.Select(e => e.Step));
        Assert.Equal([0.0, 1, 2], new MetricsLog(Path.Combine(output, CurveFiles.Probes)).Numbers("step"));
        Assert.Equal([0L, 1, 2], RelationCurveCsv.Read(Path.Combine(output, CurveFiles.Relations)).Select(r => r.Step).Distinct());
        Assert.Equal(training.Find("step", 1)!["uas"], new MetricsLog(Path.Combine(output, CurveFiles.Probes)).Find("step", 1)!["uas"]);
    }

    [Fact]
    public void Damaged_or_missing_checkpoint_files_are_named_in_the_error()
    {
        using var folder = new TempFolder();
        var run = tiny.CopyTo(folder.PathOf("run"));
        var options = new CheckpointCurvesOptions(new HashSet<CurveProbe> { CurveProbe.Relations }, Every: 1, OutDirectory: folder.PathOf("curves"), DataRoot: SharedData.Root);
        var weights = Path.Combine(run, "checkpoints", "step-0000001", "model.bin");

        File.WriteAllBytes(weights, [1, 2, 3]);
        var damaged = Assert.Throws<InvalidDataException>(() => CheckpointCurves.Run(run, options));
        Assert.Contains(weights, damaged.Message);

        File.Delete(weights);
        var missing = Assert.Throws<FileNotFoundException>(() => CheckpointCurves.Run(run, options));
        Assert.Equal(weights, missing.FileName);
        Assert.Contains(weights, missing.Message);

        // steps before the damage were written and are not evaluated again
        Assert.Equal([0L], RelationCurveCsv.Read(folder.PathOf("curves/relations.csv")).Select(r => r.Step).Distinct());

        File.Delete(Path.Combine(run, "config.json"));
        var notARun = Assert.Throws<FileNotFoundException>(() => CheckpointCurves.Run(run, options));
        Assert.Contains("config.json", notARun.Message);
    }
}
