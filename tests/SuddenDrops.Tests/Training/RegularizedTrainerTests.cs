using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

/// <summary>The trainer with labelled rows and the regulariser: the logged values and exact resume across the release step.</summary>
public class RegularizedTrainerTests : IDisposable
{
    private readonly TempFolder temp = new("sdrops-regularized-");

    public void Dispose() => temp.Dispose();

    private static TrainingConfig Config() => LabeledDataTests.Config(SasVariant.SasMinusReleasedAt(12));

    private Trainer Trainer(string name) =>
        new(Config(), SyntheticCorpus.NoisyCycle(), SpecialPieces.BertBaseUncased, new RunFolder(Path.Combine(temp.Path, name)), labeled: LabeledDataTests.EwtTrain);

    [Fact]
    public void Resuming_a_regularized_run_across_its_release_step_gives_the_same_losses_and_regularizer_values()
    {
        Trainer("straight").Run(resume: false);

        using (var cts = new CancellationTokenSource())
        {
            var first = Trainer("interrupted");
            first.Progress += p => { if (p.Step == 10) cts.Cancel(); }; // before the release at 12
            Assert.Equal(10, first.Run(resume: false, cts.Token).EndStep);
        }
        var resumed = Trainer("interrupted").Run(resume: true);
        Assert.Equal(10, resumed.StartStep);
        Assert.True(resumed.Completed);

        var a = new MetricsLog(Path.Combine(temp.Path, "straight", "train_log.csv"));
        var b = new MetricsLog(Path.Combine(temp.Path, "interrupted", "train_log.csv"));
        Assert.Equal(new double[] { 5, 10, 15, 20, 25, 30 }, a.Numbers("step"));
        Assert.Equal(a.Numbers("step"), b.Numbers("step"));
        foreach (var column in new[] { "train_loss", "reg", "reg_loss" })
            for (var i = 0; i < 6; i++)
                Assert.Equal(a.Numbers(column)[i], b.Numbers(column)[i], 5);
        Assert.Equal(new MetricsLog(Path.Combine(temp.Path, "straight", "metrics.csv")).Numbers("eval_loss")[^1],
            new MetricsLog(Path.Combine(temp.Path, "interrupted", "metrics.csv")).Numbers("eval_loss")[^1], 6);
    }

    [Fact]
    public void The_train_log_holds_lambda_R_and_lambda_R_beside_the_mlm_loss()
    {
        var run = new RunFolder(Path.Combine(temp.Path, "log"));
        new Trainer(Config(), SyntheticCorpus.NoisyCycle(), SpecialPieces.BertBaseUncased, run, labeled: LabeledDataTests.EwtTrain).Run(resume: false);
        var log = new MetricsLog(run.TrainLogPath);
        Assert.Equal(new[] { "step", "tokens", "seconds", "train_loss", "lr", "tokens_per_s", "lambda", "reg", "reg_per_edge", "reg_loss" }, log.Columns);
        Assert.Equal(new[] { 0.5, 0.5, 0, 0, 0, 0 }, log.Numbers("lambda")); // sas-@12: λ at steps 4, 9 | 14, 19, 24, 29
        var reg = log.Numbers("reg");
        var perEdge = log.Numbers("reg_per_edge");
        var regLoss = log.Numbers("reg_loss");
        Assert.All(reg, r => Assert.True(r > 0, $"R = {r}")); // measured on the last step of each window even when λ = 0
        Assert.All(perEdge, m => Assert.InRange(m, 0.0, 1.0));
        Assert.Equal(0.5 * reg[0], regLoss[0], 2); // λ·R, averaged over the window's steps
        Assert.True(regLoss[2] > 0 && regLoss[2] < regLoss[1], $"window 10–14 is suppressed for 2 of 5 steps: {regLoss[2]} vs {regLoss[1]}");
        Assert.Equal(new double[] { 0, 0, 0 }, regLoss[3..]);
    }
}
