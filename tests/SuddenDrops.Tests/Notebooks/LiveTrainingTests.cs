using SuddenDrops.Data;
using SuddenDrops.Notebooks;
using SuddenDrops.Runs;
using SuddenDrops.Tests.Data;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// The notebooks' live mode trains in this process, plain and with a regulariser: a quarter-width tiny model on 800 EWT
/// sentences, a checkpoint at every step, the callbacks the notebooks pass (status HTML, the run re-read at each checkpoint),
/// and a cancelled run that continues where it stopped.
/// </summary>
public sealed class LiveTrainingTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void TrainsAPlainRunInProcessReportingEveryCheckpoint()
    {
        var statuses = new List<string>();
        var checkpoints = new List<RecordedRun>();

        var run = LiveTraining.Run(TinyConfig(regularizer: null), folder.PathOf("live/plain-s0"), statuses.Add, checkpoints.Add,
            dataRoot: SharedData.Root, cacheDirectory: folder.PathOf("cache"));

        Assert.Equal([0.0, 1.0, 2.0], run.Metrics.Numbers(MetricColumns.Step));
        Assert.Equal([1, 2, 3], checkpoints.Select(c => c.Metrics.Count));
        Assert.Null(run.SasVariant);
        Assert.Contains(statuses, s => s.Contains("<progress", StringComparison.Ordinal));
        Assert.StartsWith("<div", statuses[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainsARegularizedRunOnABackgroundTaskThatStopsOnCancellationAndResumes()
    {
        var runFolder = folder.PathOf("live/sas--s0");
        var config = TinyConfig(new RegularizerConfig(SasVariant.SasMinus));
        using var cancel = new CancellationTokenSource();
        var stopped = await LiveTraining.Start(config, runFolder, _ => { },
            run => { if (run.Metrics.Count == 2) cancel.Cancel(); }, cancel.Token, SharedData.Root, folder.PathOf("cache"));
        Assert.Equal([0.0, 1.0], stopped.Metrics.Numbers(MetricColumns.Step));

        var checkpoints = new List<RecordedRun>();
        var finished = LiveTraining.Run(config, runFolder, _ => { }, checkpoints.Add, dataRoot: SharedData.Root, cacheDirectory: folder.PathOf("cache"));

        Assert.Equal([0.0, 1.0, 2.0, 3.0], finished.Metrics.Numbers(MetricColumns.Step));
        Assert.Equal([3, 4], checkpoints.Select(c => c.Metrics.Count));
        Assert.Equal(SasVariant.SasMinus, finished.SasVariant);
    }

    /// <summary>The tiny preset through <see cref="LiveTraining.Config"/>, shrunk to seconds of training on a small text file.</summary>
    private TrainingConfig TinyConfig(RegularizerConfig? regularizer)
    {
        var sentences = ConlluReader.Read(SharedData.PathOf("ud/en_ewt-ud-train.conllu")).Take(800).Select(s => string.Join(' ', s.Words)).ToList();
        var corpus = folder.Write("corpus.txt", string.Join("\n\n", sentences.Chunk(8).Select(chunk => string.Join(' ', chunk))));
        var config = LiveTraining.Config("tiny", new ConfigOverrides
        {
            Hidden = 32,
            Ffn = 64,
            SequenceLength = 64,
            BatchSize = 4,
            Steps = regularizer is null ? 2 : 3,
            CheckpointEvery = 1,
            Vocab = 1000,
            Sources = [corpus],
        }, regularizer);
        return config with
        {
            Corpus = config.Corpus with { HeldOutEvery = 10 },
            EvalBatches = 1,
            Probes = new ProbeConfig(UasSentences: 20, BlimpPerParadigm: 0, TwoNNPoints: 0),
        };
    }

    public void Dispose() => folder.Dispose();
}
