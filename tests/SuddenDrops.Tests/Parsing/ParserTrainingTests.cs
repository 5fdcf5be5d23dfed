using SuddenDrops.Data;
using SuddenDrops.Parsing;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Parsing;

public sealed class ParserTrainingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<DependencySentence> FirstEwtSentences(int count) =>
        ConlluReader.Read(SharedData.PathOf(ParserConfig.EwtTrain)).Take(count).ToList();

    [Fact]
    public void Overfits_twenty_EWT_sentences_to_full_UAS_and_the_saved_model_parses_them_the_same()
    {
        set_num_threads(1);
        var sentences = FirstEwtSentences(20);
        var config = ParserConfig.Tiny() with { LstmHidden = 64, ArcMlp = 128, MaxEpochs = 150, Patience = 25, LearningRate = 5e-3, PlateauFactor = 1 };
        var folder = _temp.PathOf("parser");

        var state = new ParserTrainer(config, folder, sentences, sentences).Run(resume: false);

        Assert.Equal(1.0, state.BestDevUas);
        Assert.True(state.Stopped);
        using var parser = DependencyParser.Load(folder);
        var scores = parser.Evaluate(sentences);
        Assert.Equal(sentences.Sum(s => s.Count), scores.Words);
        Assert.Equal(1.0, scores.Uas);
        Assert.Equal(state.BestDevLas, scores.Las, 12);
    }

    [Fact]
    public void A_resumed_run_continues_after_its_last_finished_epoch()
    {
        set_num_threads(1);
        var sentences = FirstEwtSentences(12);
        var config = ParserConfig.Tiny() with { MaxEpochs = 4, Patience = 4 };
        var folder = _temp.PathOf("parser");
        using var stop = new CancellationTokenSource();
        var first = new ParserTrainer(config, folder, sentences, sentences);
        first.EpochDone += e => { if (e.Epoch == 2) stop.Cancel(); };

        var interrupted = first.Run(resume: false, stop.Token);
        Assert.Equal(2, interrupted.EpochsDone);
        Assert.False(interrupted.Stopped);
        Assert.Throws<InvalidOperationException>(() => new ParserTrainer(config, folder, sentences, sentences).Run(resume: false));

        var resumed = new ParserTrainer(config, folder, sentences, sentences).Run(resume: true);
        Assert.Equal(4, resumed.EpochsDone);
        Assert.True(resumed.Stopped);
        Assert.Equal([1, 2, 3, 4], resumed.History.Select(e => e.Epoch));
    }
}
