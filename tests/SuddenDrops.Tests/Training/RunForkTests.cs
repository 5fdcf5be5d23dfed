using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

/// <summary>
/// SAS−(k) forked from SAS− at step k equals SAS−(k) trained from step 0, a constant-rate run extended past its end equals
/// a longer run, and forks that would not be exact are refused.
/// </summary>
public class RunForkTests : IDisposable
{
    private readonly TempFolder temp = new("sdrops-fork-");

    public void Dispose() => temp.Dispose();

    private RunFolder Folder(string name) => new(Path.Combine(temp.Path, name));

    private Trainer Trainer(SasVariant variant, string name) =>
        new(LabeledDataTests.Config(variant), SyntheticCorpus.NoisyCycle(), SpecialPieces.BertBaseUncased, Folder(name), labeled: LabeledDataTests.EwtTrain);

    [Fact]
    public void A_fork_at_the_release_step_continues_exactly_like_a_run_trained_from_step_0()
    {
        var released = SasVariant.SasMinusReleasedAt(10);
        Trainer(released, "scratch").Run(resume: false);

        var suppressed = Trainer(SasVariant.SasMinus, "sas-");
        suppressed.KeepOptimizerAt = new HashSet<long> { 10 };
        suppressed.Run(resume: false);
        Assert.True(new CheckpointStore(Folder("sas-").CheckpointsDir).IsResumableAt(10), "the optimizer state at the fork point is kept");
        Assert.True(new CheckpointStore(Folder("sas-").CheckpointsDir).IsResumableAt(20), "the latest two keep their optimizer state");
        Assert.False(new CheckpointStore(Folder("sas-").CheckpointsDir).IsResumableAt(0), "other older optimizer states are still removed");

        RunFork.Create(Folder("sas-"), Folder("forked"), 10, LabeledDataTests.Config(released));
        var facts = JsonFiles.Load<RunFacts>(Folder("forked").FactsPath);
        Assert.Equal("sas- at step 10", facts.ForkedFrom);
        var summary = Trainer(released, "forked").Run(resume: true);
        Assert.Equal(10, summary.StartStep);
        Assert.True(summary.Completed);

        foreach (var file in new[] { "train_log.csv", "metrics.csv" })
        {
            var a = new MetricsLog(Path.Combine(temp.Path, "scratch", file));
            var b = new MetricsLog(Path.Combine(temp.Path, "forked", file));
            Assert.Equal(a.Numbers("step"), b.Numbers("step"));
            foreach (var column in file == "train_log.csv" ? new[] { "train_loss", "lambda", "reg" } : ["eval_loss", "eval_acc"])
                for (var i = 0; i < a.Count; i++)
                    Assert.Equal(a.Numbers(column)[i], b.Numbers(column)[i], 5);
        }
    }

    [Fact]
    public void A_fork_is_refused_where_the_runs_differ_before_the_step_or_the_state_is_gone()
    {
        // Checkpoints every 5 steps: the optimizer state stays at 10 (asked for) and at 25 and 30 (the latest two) only.
        static TrainingConfig Every5(SasVariant variant) =>
            LabeledDataTests.Config(variant) with { Checkpoints = new CheckpointSchedule(DenseEvery: 5, DenseUntil: 100, SparseEvery: 50) };
        var suppressed = new Trainer(Every5(SasVariant.SasMinus), SyntheticCorpus.NoisyCycle(), SpecialPieces.BertBaseUncased, Folder("sas-"), labeled: LabeledDataTests.EwtTrain);
        suppressed.KeepOptimizerAt = new HashSet<long> { 10 };
        suppressed.Run(resume: false);

        Assert.True(RunFork.CanFork(Folder("sas-"), Every5(SasVariant.SasMinusReleasedAt(10)), 10, out _));
        Assert.False(RunFork.CanFork(Folder("sas-"), Every5(SasVariant.SasPlus), 10, out var plus));
        Assert.Contains("differ at step 0", plus);
        Assert.False(RunFork.CanFork(Folder("sas-"), Every5(SasVariant.SasMinusReleasedAt(20)), 20, out var gone));
        Assert.Contains("no checkpoint with optimizer state at step 20", gone);
        Assert.False(RunFork.CanFork(Folder("sas-"), Every5(SasVariant.SasMinusReleasedAt(10)) with { Seed = 6 }, 10, out var seed));
        Assert.Contains("differs", seed);
        Assert.Throws<InvalidOperationException>(() =>
            RunFork.Create(Folder("sas-"), Folder("sas-"), 10, Every5(SasVariant.SasMinusReleasedAt(10))));
    }

    private static TrainingConfig ConstantRate(int steps) =>
        LabeledDataTests.Config(SasVariant.Baseline) with
        {
            Steps = steps,
            Optimizer = new OptimizerConfig(LearningRate: 3e-3, WarmupSteps: 5, Decay: LearningRateDecay.Constant),
        };

    private Trainer Trainer(TrainingConfig config, string name) =>
        new(config, SyntheticCorpus.NoisyCycle(), SpecialPieces.BertBaseUncased, Folder(name), labeled: LabeledDataTests.EwtTrain);

    [Fact]
    public void Extending_on_another_thread_count_is_allowed_but_said_in_run_json_and_warned()
    {
        Trainer(ConstantRate(20), "short").Run(resume: false); // one thread
        Assert.Equal("fp32", JsonFiles.Load<RunFacts>(Folder("short").FactsPath).Precision);
        var warnings = new List<string>();
        RunFork.Extend(Folder("short"), Folder("on2"), 30, threads: 2, warnings.Add);
        Assert.Contains("1 CPU threads and continued on 2", Assert.Single(warnings));
        Assert.Equal("short at step 20 (trained there on 1 CPU threads, here on 2)", JsonFiles.Load<RunFacts>(Folder("on2").FactsPath).ForkedFrom);
    }

    [Fact]
    public void A_constant_rate_run_extended_past_its_end_equals_a_run_trained_that_long()
    {
        Trainer(ConstantRate(30), "long").Run(resume: false);
        Trainer(ConstantRate(20), "short").Run(resume: false);

        var config = RunFork.Extend(Folder("short"), Folder("extended"), 30, threads: 1);
        Assert.Equal(30, config.Steps);
        Assert.Equal(ConstantRate(30).Optimizer, config.Optimizer);
        Assert.Equal("short at step 20", JsonFiles.Load<RunFacts>(Folder("extended").FactsPath).ForkedFrom);
        Assert.Equal(20, new MetricsLog(Folder("short").MetricsPath).Numbers("step").Max());
        var summary = Trainer(config, "extended").Run(resume: true);
        Assert.Equal(20, summary.StartStep);
        Assert.True(summary.Completed);

        foreach (var file in new[] { "train_log.csv", "metrics.csv" })
        {
            var a = new MetricsLog(Path.Combine(temp.Path, "long", file));
            var b = new MetricsLog(Path.Combine(temp.Path, "extended", file));
            Assert.Equal(a.Numbers("step"), b.Numbers("step"));
            foreach (var column in file == "train_log.csv" ? new[] { "train_loss", "lr" } : ["eval_loss", "eval_acc"])
                for (var i = 0; i < a.Count; i++)
                    Assert.Equal(a.Numbers(column)[i], b.Numbers(column)[i], 5);
        }
    }

    [Fact]
    public void A_linearly_decaying_run_cannot_be_extended_and_a_run_cannot_be_shortened()
    {
        Trainer(SasVariant.Baseline, "linear").Run(resume: false); // 30 steps, linear decay to 0

        var refused = Assert.Throws<InvalidOperationException>(() => RunFork.Extend(Folder("linear"), Folder("longer"), 60));
        Assert.Contains("learning rate", refused.Message);
        Assert.Contains("differs at step 6", refused.Message); // the peak is shared at step 5, the decay is not
        Assert.False(Folder("longer").HasConfig, "a refused extension writes no run");
        Assert.Empty(new CheckpointStore(Folder("longer").CheckpointsDir).Steps());

        Trainer(ConstantRate(20), "short").Run(resume: false);
        var shorter = Assert.Throws<InvalidOperationException>(() => RunFork.Extend(Folder("short"), Folder("shorter"), 20));
        Assert.Contains("already reached step 20", shorter.Message);
    }
}
