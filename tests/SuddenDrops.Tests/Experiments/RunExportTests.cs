using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Experiments;

/// <summary>Exporting a sweep keeps the result files of every run and leaves checkpoints and vocabularies behind.</summary>
public sealed class RunExportTests : IDisposable
{
    private readonly TempFolder temp = new("sdrops-export-");

    public void Dispose() => temp.Dispose();

    private string Run(string sweep, string name)
    {
        var run = Path.Combine(temp.Path, sweep, name);
        Directory.CreateDirectory(Path.Combine(run, "checkpoints", "step-0000010"));
        Directory.CreateDirectory(Path.Combine(run, "curves"));
        Directory.CreateDirectory(Path.Combine(run, "evals"));
        foreach (var file in new[] { "config.json", "run.json", "train_log.csv", "vocab.txt", "checkpoints/step-0000010/model.bin", "curves/relations.csv", "evals/blimp-step-0000010.json" })
            File.WriteAllText(Path.Combine(run, file), $"{name}:{file}");
        new MetricsLog(Path.Combine(run, "metrics.csv")).Append(new Dictionary<string, object?> { ["step"] = 10.0, ["uas"] = 0.2 });
        return run;
    }

    [Fact]
    public void A_sweep_is_copied_run_by_run_without_checkpoints_or_vocabulary()
    {
        Run("sweep", "base-s1");
        Run("sweep", "sas--s1");
        Directory.CreateDirectory(Path.Combine(temp.Path, "sweep", "figures")); // not a run: skipped
        var target = Path.Combine(temp.Path, "kept");

        var copied = RunExport.Copy(Path.Combine(temp.Path, "sweep"), target);

        Assert.Equal(["base-s1", "sas--s1"], copied);
        var files = Directory.GetFiles(Path.Combine(target, "sas--s1"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(target, "sas--s1"), f).Replace('\\', '/')).Order().ToList();
        Assert.Equal(["config.json", "curves/relations.csv", "evals/blimp-step-0000010.json", "metrics.csv", "run.json", "train_log.csv"], files);
        Assert.Equal("sas--s1:curves/relations.csv", File.ReadAllText(Path.Combine(target, "sas--s1", "curves", "relations.csv")));
    }

    [Fact]
    public void A_single_run_is_copied_and_a_folder_without_runs_is_an_error_naming_it()
    {
        var run = Run("sweep", "base-s2");
        Assert.Equal(["base-s2"], RunExport.Copy(run, Path.Combine(temp.Path, "one")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "one", "metrics.csv")));
        var empty = Directory.CreateDirectory(Path.Combine(temp.Path, "empty")).FullName;
        var error = Assert.Throws<InvalidDataException>(() => RunExport.Copy(empty, Path.Combine(temp.Path, "x")));
        Assert.Contains(empty, error.Message);
    }
}
