using SuddenDrops.Model;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

public class TrainerTests : IDisposable
{
    private readonly TempFolder temp = new("sdrops-trainer-");

    public void Dispose() => temp.Dispose();

    internal static TrainingConfig Config(int steps, double lr = 3e-3) => new(
        Preset: "test",
        Model: new BertConfig(VocabSize: 160, Layers: 2, Hidden: 32, Heads: 2, Intermediate: 64, MaxPositions: 32),
        Corpus: new CorpusConfig(["synthetic"]),
        SequenceLength: 24,
        BatchSize: 8,
        Steps: steps,
        Optimizer: new OptimizerConfig(LearningRate: lr, WarmupSteps: 5),
        Masking: new MaskingConfig(),
        Checkpoints: new CheckpointSchedule(DenseEvery: 10, DenseUntil: 100, SparseEvery: 50),
        EvalBatches: 2,
        Seed: 5,
        Threads: 1,
        LogEvery: 5);

    [Fact]
    public void Resuming_from_a_checkpoint_gives_the_same_losses_as_an_uninterrupted_run()
    {
        var corpus = SyntheticCorpus.NoisyCycle();
        var straight = new RunFolder(Path.Combine(temp.Path, "straight"));
        new Trainer(Config(30), corpus, SpecialPieces.BertBaseUncased, straight).Run(resume: false);

        var interrupted = new RunFolder(Path.Combine(temp.Path, "interrupted"));
        using (var cts = new CancellationTokenSource())
        {
            var first = new Trainer(Config(30), corpus, SpecialPieces.BertBaseUncased, interrupted);
            first.Progress += p => { if (p.Step == 15) cts.Cancel(); }; // like Ctrl-C mid-run
            var summary = first.Run(resume: false, cts.Token);
            Assert.False(summary.Completed);
            Assert.Equal(15, summary.EndStep);
        }
        // a kill also leaves a half-written checkpoint behind sometimes: it must be ignored
        Directory.CreateDirectory(Path.Combine(interrupted.CheckpointsDir, "step-0000020.partial"));
        var resumed = new Trainer(Config(30), corpus, SpecialPieces.BertBaseUncased, interrupted).Run(resume: true);
        Assert.Equal(15, resumed.StartStep);
        Assert.True(resumed.Completed);
        Assert.Single(JsonFiles.Load<RunFacts>(interrupted.FactsPath).ResumedUtc);

        var a = new MetricsLog(straight.MetricsPath);
        var b = new MetricsLog(interrupted.MetricsPath);
        var stepsA = a.Numbers("step");
        var lossA = a.Numbers("eval_loss");
        var stepsB = b.Numbers("step");
        var lossB = b.Numbers("eval_loss");
        Assert.Equal(new double[] { 0, 10, 20, 30 }, stepsA);
        Assert.Equal(new double[] { 0, 10, 15, 20, 30 }, stepsB); // one row per step: nothing logged twice
        Assert.Equal(lossA[^1], lossB[^1], 6);
        Assert.Equal(lossA[2], lossB[3], 6);
        Assert.Equal(new MetricsLog(straight.TrainLogPath).Numbers("train_loss")[^1], new MetricsLog(interrupted.TrainLogPath).Numbers("train_loss")[^1], 6);
    }

    /// <summary>A probe that fails like a corrupted libtorch call at <paramref name="step"/>, <paramref name="times"/> times.</summary>
    private sealed class FailingProbe(long step, int times) : ICheckpointProbe
    {
        public int Failures { get; private set; }

        public IReadOnlyDictionary<string, object?> Measure(MaskedLanguageModel model, long at)
        {
            if (at == step && Failures < times)
            {
                Failures++;
                throw new System.Runtime.InteropServices.ExternalException("Expected false to be true, but got false.\nException raised from toFloat");
            }
            return new Dictionary<string, object?> { ["probe"] = 1.0 };
        }
    }

    [Fact]
    public void A_libtorch_error_mid_run_resumes_from_the_last_checkpoint_and_ends_like_an_uninterrupted_run()
    {
        var corpus = SyntheticCorpus.NoisyCycle();
        var straight = new RunFolder(Path.Combine(temp.Path, "straight"));
        new Trainer(Config(30), corpus, SpecialPieces.BertBaseUncased, straight, [new FailingProbe(20, 0)]).Run(resume: false);

        var recovered = new RunFolder(Path.Combine(temp.Path, "recovered"));
        var probe = new FailingProbe(20, 1);
        var messages = new List<string>();
        var summary = new Trainer(Config(30), corpus, SpecialPieces.BertBaseUncased, recovered, [probe])
            .RunRecovering(resume: false, retries: 2, messages.Add);

        Assert.True(summary.Completed);
        Assert.Equal(1, probe.Failures);
        var line = Assert.Single(File.ReadAllLines(recovered.RecoveriesPath));
        Assert.Contains("Expected false to be true", line);
        Assert.Contains("resuming from step 10 (retry 1 of 2)", line);
        Assert.Single(messages);
        var a = new MetricsLog(straight.MetricsPath);
        var b = new MetricsLog(recovered.MetricsPath);
        Assert.Equal(new double[] { 0, 10, 20, 30 }, b.Numbers("step"));
        Assert.Equal(a.Numbers("eval_loss")[^1], b.Numbers("eval_loss")[^1], 6);
    }

    [Fact]
    public void A_libtorch_error_that_keeps_coming_back_is_thrown_after_the_retries()
    {
        var run = new RunFolder(Path.Combine(temp.Path, "failing"));
        var probe = new FailingProbe(10, int.MaxValue);
        Assert.Throws<System.Runtime.InteropServices.ExternalException>(() =>
            new Trainer(Config(30), SyntheticCorpus.NoisyCycle(), SpecialPieces.BertBaseUncased, run, [probe]).RunRecovering(resume: false, retries: 2));
        Assert.Equal(3, probe.Failures);
        Assert.Equal(2, File.ReadAllLines(run.RecoveriesPath).Length);
    }

    [Fact]
    public void A_kill_before_the_first_resumable_checkpoint_restarts_cleanly()
    {
        var corpus = SyntheticCorpus.NoisyCycle();
        var run = new RunFolder(Path.Combine(temp.Path, "killed"));
        using (var cts = new CancellationTokenSource())
        {
            var first = new Trainer(Config(30), corpus, SpecialPieces.BertBaseUncased, run);
            first.Progress += p => { if (p.Step == 5) cts.Cancel(); };
            first.Run(resume: false, cts.Token);
        }
        // As if the process had been killed before step 5 was written: only step 0 remains, without optimizer state.
        Directory.Delete(new CheckpointStore(run.CheckpointsDir).PathFor(5), recursive: true);
        var summary = new Trainer(Config(30), corpus, SpecialPieces.BertBaseUncased, run).Run(resume: true);
        Assert.Equal(0, summary.StartStep);
        Assert.Equal(new double[] { 0, 10, 20, 30 }, new MetricsLog(run.MetricsPath).Numbers("step"));
    }

    [Fact]
    public void A_run_folder_describes_itself_and_refuses_to_be_overwritten()
    {
        var run = new RunFolder(Path.Combine(temp.Path, "run"));
        var summary = new Trainer(Config(60, lr: 1e-2), SyntheticCorpus.NoisyCycle(), SpecialPieces.BertBaseUncased, run).Run(resume: false);
        Assert.True(File.Exists(run.ConfigPath));
        Assert.True(File.Exists(run.FactsPath));
        Assert.Equal(new long[] { 0, 10, 20, 30, 40, 50, 60 }, new CheckpointStore(run.CheckpointsDir).Steps());
        Assert.Equal(60, new CheckpointStore(run.CheckpointsDir).LatestResumable());
        Assert.Equal(5, JsonFiles.Load<RunFacts>(run.FactsPath).Seed);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(Config(60, lr: 1e-2), JsonFiles.Options), System.Text.Json.JsonSerializer.Serialize(run.LoadConfig(), JsonFiles.Options));
        Assert.True(summary.FinalEvaluation!.Loss < summary.UnigramLoss, $"{summary.FinalEvaluation.Loss} vs unigram {summary.UnigramLoss}");
        var error = Assert.Throws<InvalidOperationException>(() => new Trainer(Config(20), SyntheticCorpus.NoisyCycle(), SpecialPieces.BertBaseUncased, run).Run(resume: false));
        Assert.Contains("--resume", error.Message);
    }
}
