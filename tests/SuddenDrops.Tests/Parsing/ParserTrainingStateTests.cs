using SuddenDrops.Parsing;

namespace SuddenDrops.Tests.Parsing;

public sealed class ParserTrainingStateTests
{
    private static ParserEpoch Epoch(int epoch, double las) => new(epoch, 10, 0.5, 0.5, las, las, 1, 1, 100);

    [Fact]
    public void The_learning_rate_halves_after_two_flat_epochs_and_training_stops_after_the_patience()
    {
        var config = new ParserConfig(LearningRate: 2e-3, Patience: 5, PlateauEpochs: 2, PlateauFactor: 0.5);
        var lasByEpoch = new[] { 0.70, 0.80, 0.79, 0.78, 0.81, 0.80, 0.80, 0.80, 0.80, 0.80 };
        var state = ParserTrainingState.Start;
        var rates = new List<double>();
        foreach (var (las, k) in lasByEpoch.Select((las, k) => (las, k + 1)))
        {
            state = state.After(Epoch(k, las), config);
            rates.Add(state.LearningRate);
            if (state.Stopped) break;
        }

        // best at 1, 2, then 5; cuts after epochs 4 (2 flat since 2), 7 (since 5), 9 (since the cut at 7); stop at 10 (5 after 5)
        Assert.Equal(5, state.BestEpoch);
        Assert.Equal(0.81, state.BestDevLas);
        Assert.Equal(10, state.EpochsDone);
        Assert.True(state.Stopped);
        Assert.Equal([2e-3, 2e-3, 2e-3, 1e-3, 1e-3, 1e-3, 5e-4, 5e-4, 2.5e-4, 2.5e-4], rates);
    }
}
