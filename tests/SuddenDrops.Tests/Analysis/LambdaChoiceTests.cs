using SuddenDrops.Analysis;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Analysis;

/// <summary>The λ-selection rule of Regularizer.md on a selection folder laid out as its commands write it.</summary>
public sealed class LambdaChoiceTests : IDisposable
{
    private readonly TempFolder scratch = new("sdrops-lambda-");

    public void Dispose() => scratch.Dispose();

    /// <summary>A run folder with a train log of R / 2E every 10 steps and held-out losses every 500 steps to 3,000.</summary>
    private void Write(string folder, string name, Func<double, double> perEdge, double finalLoss)
    {
        var run = Path.Combine(scratch.Path, folder, name);
        Directory.CreateDirectory(run);
        var train = new MetricsLog(Path.Combine(run, RunFolder.TrainLogFile));
        for (var step = 10; step <= 3000; step += 10)
            train.Append(new Dictionary<string, object?> { [MetricColumns.Step] = (double)step, [MetricColumns.RegularizerPerEdge] = perEdge(step) });
        var metrics = new MetricsLog(Path.Combine(run, RunFolder.MetricsFile));
        for (var step = 0; step <= 3000; step += 500)
            metrics.Append(new Dictionary<string, object?> { [MetricColumns.Step] = (double)step, [MetricColumns.EvalLoss] = 7 - (7 - finalLoss) * step / 3000 });
    }

    /// <summary>Base at R / 2E 0.2; at each |λ̄| SAS− suppresses to <paramref name="suppressed"/> after step 300, SAS+ ends at the given loss.</summary>
    private void Strength(double lambda, double suppressed, double sasPlusLoss)
    {
        var folder = LambdaChoice.StrengthFolder(lambda);
        Write(folder, "sas--s9", step => step < 300 ? 0.2 : suppressed, 6.2);
        Write(folder, "sas+-s9", _ => 0.6, sasPlusLoss);
    }

    [Fact]
    public void The_largest_strength_that_suppresses_and_keeps_the_mlm_loss_is_chosen()
    {
        Write(LambdaChoice.BaseFolder, "base-s9", _ => 0.2, 6.0);
        Strength(0.01, suppressed: 0.15, sasPlusLoss: 6.01); // keeps the loss, but does not suppress (0.75 of base)
        Strength(0.03, suppressed: 0.08, sasPlusLoss: 6.05); // both: 0.40 of base, +0.8 %
        Strength(0.1, suppressed: 0.0, sasPlusLoss: 6.11);   // both: R / 2E 0 counts as suppressed; +1.8 %
        Strength(0.3, suppressed: 0.0, sasPlusLoss: 6.30);   // suppresses, but +5 %

        var choice = LambdaChoice.Of(scratch.Path);

        Assert.Equal([0.01, 0.03, 0.1, 0.3], choice.Trials.Select(t => t.Lambda));
        Assert.Equal([false, true, true, true], choice.Trials.Select(t => t.Suppresses));
        Assert.Equal([true, true, true, false], choice.Trials.Select(t => t.KeepsMlm));
        Assert.Equal(0.75, choice.Trials[0].WorstSuppression!.Value, 6);
        Assert.Equal(0.0, choice.Trials[2].WorstSuppression!.Value, 6);
        Assert.Equal(0.1, choice.Chosen);
        Assert.False(choice.RegularizerDominates);
        var table = choice.Table().Render();
        Assert.Contains("| 0.1 | 0.000 | yes | +1.8% | yes | **chosen** |", table);
        Assert.Contains("| 0.3 | 0.000 | yes | +5.0% | no |  |", table);
    }

    [Fact]
    public void When_no_strength_keeps_the_mlm_loss_the_smallest_that_suppresses_is_taken_and_flagged()
    {
        var trials = new[]
        {
            new LambdaTrial(0.01, 0.9, 6.5, 6.0),
            new LambdaTrial(0.03, 0.3, 6.6, 6.0),
            new LambdaTrial(0.1, 0.1, 6.9, 6.0),
        };

        var choice = LambdaChoice.Choose(trials);

        Assert.Equal(0.03, choice.Chosen);
        Assert.True(choice.RegularizerDominates);
        Assert.Null(LambdaChoice.Choose([new LambdaTrial(0.01, 0.9, 6.0, 6.0)]).Chosen);
    }

    [Fact]
    public void A_selection_folder_without_a_base_run_is_an_error_that_names_it()
    {
        Strength(0.01, 0.1, 6.0);

        var error = Assert.Throws<DirectoryNotFoundException>(() => LambdaChoice.Of(scratch.Path));
        Assert.Contains(Path.Combine(scratch.Path, LambdaChoice.BaseFolder), error.Message);
    }
}
