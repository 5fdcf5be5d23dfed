using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Experiments;

/// <summary>
/// One 2-step run of a quarter-width tiny model with checkpoints (and all training probes) at steps 0, 1 and 2, trained
/// once per test class; tests work on copies (<see cref="CopyTo"/>).
/// </summary>
public sealed class TinyRunWithCheckpoints : IDisposable
{
    private readonly TempFolder folder = new();

    public TinyRunWithCheckpoints()
    {
        var corpus = EwtTextCorpus.Write(folder);
        var config = QuarterTiny.Config(corpus, steps: 2, new ProbeConfig(UasSentences: 60, BlimpPerParadigm: 1, TwoNNPoints: 60));
        var job = TrainingJob.Prepare(config, folder.PathOf("run"), SharedData.Root, folder.PathOf("cache"));
        job.CreateTrainer(CheckpointProbes.Default(job)).Run(resume: false);
        Root = job.Run.Root;
    }

    /// <summary>The run folder (do not change it: copy it).</summary>
    public string Root { get; }

    /// <summary>Copies the whole run folder to <paramref name="destination"/> and returns it.</summary>
    public string CopyTo(string destination)
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return destination;
    }

    public void Dispose() => folder.Dispose();
}
