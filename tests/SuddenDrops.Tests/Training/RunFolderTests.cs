using SuddenDrops.Analysis;
using SuddenDrops.Experiments;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

/// <summary>The run folder's layout: readers create nothing, writers say so, and the committed runs still read.</summary>
public class RunFolderTests
{

    [Fact]
    public void Naming_a_run_folder_creates_nothing_and_a_writer_creates_it()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("sweep/base-s1");

        var run = new RunFolder(path);
        Assert.False(Directory.Exists(path));
        Assert.False(run.HasConfig);
        Assert.False(RunFolder.IsRun(path));
        Assert.Empty(run.Checkpoints.Steps());
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));

        var created = RunFolder.Create(path);
        Assert.Equal(run.Root, created.Root);
        Assert.True(Directory.Exists(created.CheckpointsDir));
        Assert.False(RunFolder.IsRun(path)); // a run folder is one with metrics.csv
    }

    [Fact]
    public void A_checkpoint_path_leads_to_its_run()
    {
        using var folder = new TempFolder();
        var run = new RunFolder(folder.PathOf("run"));
        var step = run.Checkpoints.PathFor(2000);
        folder.Write(Path.Combine("run", RunFolder.CheckpointsFolder, Path.GetFileName(step), CheckpointStore.ModelFile), "weights");

        Assert.Equal(run.Root, RunFolder.OfCheckpoint(step).Root);
        Assert.Equal(run.Root, RunFolder.OfCheckpoint(step + Path.DirectorySeparatorChar).Root);
        Assert.Equal(run.Root, RunFolder.OfCheckpoint(Path.Combine(step, CheckpointStore.ModelFile)).Root);
        Assert.Equal(Path.Combine(run.Root, "evals", "glue-step-0002000.json"), run.EvalPath(RunFolder.GlueEval, 2000));
    }

    [Fact]
    public void Reading_the_committed_runs_writes_nothing()
    {
        var before = Directory.GetFileSystemEntries(CommittedRuns.Root, "*", SearchOption.AllDirectories).Order().ToList();

        foreach (var set in Directory.GetDirectories(CommittedRuns.Root))
            foreach (var run in RunSet.Load(set).Runs)
                _ = (run.CheckpointSteps, run.RunFolder.TryLoadConfig(), FinalEvaluation.Glue(run));
        _ = ReproductionTables.All(CommittedRuns.Root);

        Assert.Equal(before, Directory.GetFileSystemEntries(CommittedRuns.Root, "*", SearchOption.AllDirectories).Order());
    }

    [Fact]
    public void Recorded_runs_take_seed_and_variant_from_their_config()
    {
        foreach (var set in Directory.GetDirectories(CommittedRuns.Root))
            foreach (var committed in RunSet.Load(set).Runs)
            {
                var saved = Assert.IsType<TrainingConfig>(committed.Config);
                Assert.Equal(saved.Seed, committed.Seed);
                Assert.Equal(saved.Regularizer?.Variant, committed.SasVariant);
            }

        using var folder = new TempFolder();
        // A folder named like a sweep's SAS+ run whose config says otherwise is what its config says.
        var misnamed = Path.Combine(folder.Path, "sas+-s7");
        var config = Presets.Tiny with { Seed = 3 };
        Directory.CreateDirectory(misnamed);
        JsonFiles.Save(new RunFolder(misnamed).ConfigPath, config);
        new MetricsLog(new RunFolder(misnamed).MetricsPath).Append(new Dictionary<string, object?> { [MetricColumns.Step] = 0.0 });
        var run = RecordedRun.Load(misnamed);
        Assert.Equal(3, run.Seed);
        Assert.Null(run.SasVariant);
        Assert.Equal("sas+", run.Variant); // without a regulariser, the label is still the folder's
    }

    [Fact]
    public void Relation_onsets_read_back_as_they_were_written()
    {
        var files = Directory.GetFiles(CommittedRuns.Root, CurveFiles.RelationOnsets, SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        using var folder = new TempFolder();
        foreach (var file in files)
        {
            Assert.Equal(RelationOnsets.Header, File.ReadLines(file).First());
            var rows = RelationOnsets.Read(file);
            Assert.NotEmpty(rows);
            // Writing the rows read gives the same bytes: one schema for writer and reader.
            var copy = folder.PathOf("copy.csv");
            RelationOnsets.Write(copy, rows);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(copy));
        }
    }
}
