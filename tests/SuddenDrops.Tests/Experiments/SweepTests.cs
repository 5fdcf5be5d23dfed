using System.Globalization;
using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Experiments;

public class SweepTests : IDisposable
{
    private readonly TempFolder temp = new("sdrops-sweep-");

    public void Dispose() => temp.Dispose();

    private IReadOnlyList<SweepRun> Plan() => Sweep.Plan(
        Presets.Small,
        [SasVariant.Baseline, SasVariant.SasPlus, SasVariant.Parse("sas-@3000")],
        [1, 2],
        new RegularizerConfig(SasVariant.Baseline, 0.02, 0.3),
        temp.Path);

    [Fact]
    public void Each_variant_and_seed_gets_its_own_folder_and_config()
    {
        var runs = Plan();
        Assert.Equal(["base-s1", "base-s2", "sas+-s1", "sas+-s2", "sas-@3000-s1", "sas-@3000-s2"], runs.Select(r => Path.GetFileName(r.Folder)));
        Assert.All(runs, r => Assert.Equal(r.Name, Path.GetFileName(r.Folder)));
        var last = runs[^1];
        Assert.Equal(2, last.Config.Seed);
        Assert.Equal(new RegularizerConfig(SasVariant.SasMinusReleasedAt(3000), 0.02, 0.3), last.Config.Regularizer);
        Assert.Equal(Presets.Small.Model, last.Config.Model);
        Assert.Throws<ArgumentException>(() => Sweep.Plan(Presets.Small, [SasVariant.Baseline], [1, 1], new RegularizerConfig(SasVariant.Baseline), temp.Path));
    }

    [Fact]
    public void In_the_papers_design_a_base_is_the_same_run_whatever_the_sweeps_lambda()
    {
        var variants = new[] { SasVariant.Baseline, SasVariant.SasPlus };
        var alone = Sweep.Plan(Presets.Tiny, [SasVariant.Baseline], [0], RegularizerConfig.OnTrainingRows(SasVariant.Baseline, 0), temp.Path);
        var inSweep = Sweep.Plan(Presets.Tiny, variants, [0], RegularizerConfig.OnTrainingRows(SasVariant.Baseline, 0.3), temp.Path);
        Assert.Equal(alone[0].Config, inSweep[0].Config);
        Assert.Equal(0, inSweep[0].Config.Regularizer!.Magnitude);
        Assert.Equal(0.3, inSweep[1].Config.Regularizer!.Magnitude);
        // A base trained alone is the sweep's base: its folder is taken up, not refused.
        JsonFiles.Save(RunFolder.Create(alone[0].Folder).ConfigPath, alone[0].Config);
        Assert.Equal(SweepRunState.NotStarted, Sweep.StateOf(inSweep[0]));
    }

    [Fact]
    public void Finished_runs_are_skipped_unfinished_resumed_and_foreign_folders_refused()
    {
        var runs = Plan();
        Assert.All(runs, r => Assert.Equal(SweepRunState.NotStarted, Sweep.StateOf(r)));
        WriteRun(runs[0], lastCheckpoint: 6500);
        WriteRun(runs[1], lastCheckpoint: 2000);
        Assert.Equal(SweepRunState.Finished, Sweep.StateOf(runs[0]));
        Assert.Equal(SweepRunState.Unfinished, Sweep.StateOf(runs[1]));

        JsonFiles.Save(Path.Combine(runs[2].Folder, "config.json"), runs[2].Config with { Seed = 7 });
        var error = Assert.Throws<InvalidOperationException>(() => Sweep.StateOf(runs[2]));
        Assert.Contains("config.json", error.Message);
    }

    [Fact]
    public void The_summary_has_final_values_and_the_uas_onsets_of_each_run_and_is_written_as_csv()
    {
        var runs = Plan().Take(2).ToList();
        WriteRun(runs[0], lastCheckpoint: 6500, metrics: Path.Combine(CommittedRuns.GpuRun("small"), "metrics.csv"));
        var rows = SweepSummary.Of(runs);

        var finished = rows[0];
        Assert.Equal(("base", 1, SweepRunState.Finished), (finished.Variant, finished.Seed, finished.State));
        Assert.Equal(6500, finished.FinalStep);
        var uas = OnsetSummary.Of(CommittedRuns.GpuRun("small"), "uas");
        Assert.Equal(uas.FinalValue, finished.Uas);
        Assert.Equal(uas.Onset!.StructureOnsetStep, finished.StructureOnset);
        Assert.Equal(uas.Onset.CapabilitiesOnsetStep, finished.CapabilitiesOnset);
        Assert.Equal(uas.Breakthroughness, finished.UasBreakthroughness);
        Assert.True(finished.UasOnsetSignificant);
        Assert.InRange(finished.EvalLoss, 3, 6);

        var empty = rows[1];
        Assert.Equal(SweepRunState.NotStarted, empty.State);
        Assert.Null(empty.StructureOnset);
        Assert.False(empty.UasOnsetSignificant);
        Assert.True(double.IsNaN(empty.Uas));

        var path = Path.Combine(temp.Path, "summary.csv");
        SweepSummary.Write(path, rows);
        var lines = File.ReadAllLines(path);
        Assert.Equal(string.Join(",", SweepSummary.Columns), lines[0]);
        var cells = lines[1].Split(',');
        Assert.Equal(["base", "1", "Finished", "6500"], cells[..4]);
        Assert.Equal(finished.StructureOnset!.Value, double.Parse(cells[7], CultureInfo.InvariantCulture), 1e-2);
        Assert.Equal("1", cells[11]);
        Assert.Equal(["base", "2", "NotStarted", "", "", "", "", "", "", "", "", "0", ""], lines[2].Split(','));
        Assert.Empty(Directory.GetFiles(temp.Path, ".*tmp"));
    }

    /// <summary>A run folder as training leaves it: config.json, metrics.csv and the checkpoints' state files.</summary>
    private static void WriteRun(SweepRun run, long lastCheckpoint, string? metrics = null)
    {
        Directory.CreateDirectory(run.Folder);
        JsonFiles.Save(Path.Combine(run.Folder, "config.json"), run.Config with { Model = run.Config.Model with { VocabSize = 6095 } });
        if (metrics is not null) File.Copy(metrics, Path.Combine(run.Folder, "metrics.csv"));
        var store = new CheckpointStore(Path.Combine(run.Folder, "checkpoints"));
        foreach (var step in new long[] { 0, lastCheckpoint })
        {
            Directory.CreateDirectory(store.PathFor(step));
            File.WriteAllText(Path.Combine(store.PathFor(step), "state.json"), "{}");
        }
    }

    [Fact]
    public void Sas_minus_runs_come_first_and_keep_the_fork_points_planned_or_already_beside_them()
    {
        var runs = Sweep.Plan(Presets.Small, [SasVariant.Parse("sas-@2000"), SasVariant.SasMinus, SasVariant.Baseline], [1, 2],
            new RegularizerConfig(SasVariant.Baseline), temp.Path);
        Assert.Equal(["sas--s1", "sas--s2", "base-s1", "base-s2", "sas-@2000-s1", "sas-@2000-s2"], Sweep.TrainingOrder(runs).Select(r => r.Name));

        Directory.CreateDirectory(Path.Combine(temp.Path, "sas-@5000-s1"));   // another sweep's SAS−(5000), seed 1
        Directory.CreateDirectory(Path.Combine(temp.Path, "sas-@3000-s2"));   // seed 2 only
        Directory.CreateDirectory(Path.Combine(temp.Path, "sas-@999999-s1")); // beyond the run's end: nothing to keep
        var sasMinus1 = runs.Single(r => r.Name == "sas--s1");
        Assert.Equal([2000L, 5000L], Sweep.ForkPoints(sasMinus1, runs).Order());
        Assert.Equal([2000L, 3000L], Sweep.ForkPoints(runs.Single(r => r.Name == "sas--s2"), runs).Order());
        Assert.Empty(Sweep.ForkPoints(runs.Single(r => r.Name == "base-s1"), runs));
    }

    [Fact]
    public void With_dense_curves_each_run_is_evaluated_in_its_window_right_after_training_and_not_again()
    {
        var corpus = EwtTextCorpus.Write(temp);
        var preset = QuarterTiny.Config(corpus, steps: 4, new ProbeConfig(UasSentences: 40, BlimpPerParadigm: 0, TwoNNPoints: 0));
        var runs = Sweep.Plan(preset, [SasVariant.Baseline], [3], new RegularizerConfig(SasVariant.Baseline), temp.PathOf("sweep"));
        var curves = new CheckpointCurvesOptions(new HashSet<CurveProbe> { CurveProbe.TwoNN }, Every: int.MaxValue, Dense: DenseWindow.Parse("1:2:1"));
        var messages = new List<string>();
        var runner = new SweepRunner(runs, SharedData.Root) { Curves = curves, CacheDirectory = temp.PathOf("cache") };
        runner.Message += messages.Add;

        Assert.True(runner.TrainAll());

        var probes = new MetricsLog(CurveFiles.ProbesOf(new RunFolder(runs[0].Folder)));
        Assert.Equal([0.0, 1, 2, 4], probes.Numbers(MetricColumns.Step)); // the first, the window, the last
        Assert.All(probes.Numbers(MetricColumns.IntrinsicDimension(1)), d => Assert.True(d > 0));
        Assert.Contains(messages, m => m.Contains("curves of 4 checkpoints, 4 evaluated now", StringComparison.Ordinal));

        messages.Clear();
        Assert.True(runner.TrainAll()); // finished: skipped, and its curves are complete
        Assert.Contains(messages, m => m.Contains("finished, skipped", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("curves of 4 checkpoints, 0 evaluated now", StringComparison.Ordinal));

        // Checkpoints deleted after the curves: the run is still finished (its record reaches the last step), passed
        // over without curves, and a trainer refuses to start afresh over its record.
        messages.Clear();
        var folder = new RunFolder(runs[0].Folder);
        Directory.Delete(folder.Checkpoints.Directory, recursive: true);
        var record = File.ReadAllText(folder.MetricsPath);
        Assert.Equal(SweepRunState.Finished, Sweep.StateOf(runs[0]));
        Assert.True(runner.TrainAll());
        Assert.Contains(messages, m => m.Contains("finished, skipped", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("no checkpoint left", StringComparison.Ordinal));
        var job = TrainingJob.Prepare(runs[0].Config, runs[0].Folder, SharedData.Root, temp.PathOf("cache"));
        foreach (var resume in new[] { false, true })
            Assert.Contains("holds no checkpoint to continue from", Assert.Throws<InvalidOperationException>(() => job.CreateTrainer([]).Run(resume)).Message);
        Assert.Equal(record, File.ReadAllText(folder.MetricsPath));
    }

    [Fact]
    public void A_dense_window_reads_from_to_every_and_names_what_is_wrong()
    {
        Assert.Equal(new DenseWindow(4000, 8000, 100), DenseWindow.Parse("4000:8000:100"));
        Assert.Equal("4000:8000:100", new DenseWindow(4000, 8000, 100).ToString());
        Assert.Contains("FROM:TO:EVERY", Assert.Throws<ArgumentException>(() => DenseWindow.Parse("4000-8000")).Message);
        Assert.Contains("'8000:4000:100'", Assert.Throws<ArgumentException>(() => DenseWindow.Parse("8000:4000:100")).Message);
        Assert.Contains("at least 1", Assert.Throws<ArgumentException>(() => DenseWindow.Parse("1:2:0")).Message);
    }
}
