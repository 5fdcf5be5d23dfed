namespace SuddenDrops.Parsing;

/// <summary>Where the parser's training stands, saved as <c>state.json</c> after every epoch (for resuming and the report).</summary>
/// <param name="EpochsDone">Finished epochs.</param>
/// <param name="BestEpoch">Epoch of the saved <c>model.bin</c> (best dev LAS), 0 before the first.</param>
/// <param name="BestDevUas">Dev UAS of the best epoch.</param>
/// <param name="BestDevLas">Dev LAS of the best epoch.</param>
/// <param name="Stopped">True once training has ended (patience exhausted or the last epoch done).</param>
/// <param name="History">Every epoch so far.</param>
/// <param name="LearningRate">Learning rate of the next epoch (cut on plateaus); 0 in states saved before cuts existed: the config's.</param>
/// <param name="LastCutEpoch">Epoch after which the learning rate was last cut, 0 for never.</param>
public sealed record ParserTrainingState(int EpochsDone, int BestEpoch, double BestDevUas, double BestDevLas, bool Stopped, IReadOnlyList<ParserEpoch> History,
    double LearningRate = 0, int LastCutEpoch = 0)
{
    public static ParserTrainingState Start { get; } = new(0, 0, 0, 0, false, []);

    /// <summary>
    /// The state after <paramref name="result"/>: a better dev LAS (or the first epoch) becomes the best; the learning rate is
    /// cut by <see cref="ParserConfig.PlateauFactor"/> once <see cref="ParserConfig.PlateauEpochs"/> epochs have passed since
    /// the later of the best epoch and the last cut; training stops <see cref="ParserConfig.Patience"/> epochs after the best
    /// one or at <see cref="ParserConfig.MaxEpochs"/>.
    /// </summary>
    public ParserTrainingState After(ParserEpoch result, ParserConfig config)
    {
        var better = result.DevLas > BestDevLas || BestEpoch == 0;
        var best = better
            ? (Epoch: result.Epoch, Uas: result.DevUas, Las: result.DevLas)
            : (Epoch: BestEpoch, Uas: BestDevUas, Las: BestDevLas);
        var stopped = result.Epoch - best.Epoch >= config.Patience || result.Epoch >= config.MaxEpochs;
        var rate = LearningRate > 0 ? LearningRate : config.LearningRate;
        var cut = config.PlateauFactor < 1 && result.Epoch - Math.Max(best.Epoch, LastCutEpoch) >= config.PlateauEpochs;
        return new ParserTrainingState(result.Epoch, best.Epoch, best.Uas, best.Las, stopped, [.. History, result],
            cut ? rate * config.PlateauFactor : rate, cut ? result.Epoch : LastCutEpoch);
    }
}
