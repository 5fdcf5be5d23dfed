using SuddenDrops.Data;
using SuddenDrops.Experiments;
using SuddenDrops.Parsing;
using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Experiments;

/// <summary>
/// The silver-tree cache end to end, with a small parser recipe: <see cref="SilverCorpus.Build"/> trains the parser and
/// parses a text source, and a <c>--silver</c> corpus built from the parse carries edges; what is missing is named with
/// the command that builds it.
/// </summary>
public sealed class SilverCorpusTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Build_trains_parses_and_the_parsed_corpus_carries_edges()
    {
        set_num_threads(1);
        var dataRoot = SharedData.Root;
        // A recipe trained on 300 EWT train sentences for one epoch: enough to produce trees, fast enough for a test.
        var train = temp.PathOf("train.conllu");
        var dev = temp.PathOf("dev.conllu");
        WriteFirst(SharedData.PathOf(ParserConfig.EwtTrain), train, 300);
        WriteFirst(SharedData.PathOf(ParserConfig.EwtDev), dev, 50);
        var recipe = ParserConfig.Tiny() with { MaxEpochs = 1, Train = train, Dev = dev };
        // The source: EWT dev sentences' text, four to a paragraph.
        var source = temp.PathOf("text.txt");
        var texts = ConlluReader.Read(SharedData.PathOf(ParserConfig.EwtDev)).Skip(100).Take(80).Select(s => string.Join(' ', s.Words)).ToList();
        File.WriteAllText(source, string.Join("\n\n", texts.Chunk(4).Select(p => string.Join(' ', p))) + "\n");
        var cache = temp.PathOf("cache");

        var missing = Assert.Throws<FileNotFoundException>(() => SilverCorpus.Require([source], dataRoot, cache, recipe));
        Assert.Contains(SilverCorpus.BuildCommand, missing.Message);

        var paths = SilverCorpus.Build([source], dataRoot, cache, threads: 1, recipe: recipe);
        Assert.Equal(paths, SilverCorpus.Require([source], dataRoot, cache, recipe));
        var parsed = ConlluReader.Read(Assert.Single(paths)).ToList();
        Assert.InRange(parsed.Count, 40, 160); // the splitter joins or splits some of the 80 EWT sentences
        Assert.All(parsed, s => Assert.Single(s.Heads, h => h == 0)); // one root per tree
        Assert.Equal(20, parsed.Select(s => ParagraphSentences.ParagraphOf(s.Id)).Distinct().Count());
        Assert.Equal(paths, SilverCorpus.Build([source], dataRoot, cache, threads: 1, recipe: recipe)); // nothing to do twice

        // The parses outlive the parser: with its folder gone, the recorded model hash still finds them.
        var parserFolder = SilverCorpus.ParserFolderIn(cache, dataRoot, recipe);
        Assert.True(File.Exists(SilverCorpus.ModelHashPath(parserFolder)));
        Directory.Move(parserFolder.Root, parserFolder.Root + ".moved");
        Assert.Equal(paths, SilverCorpus.Require([source], dataRoot, cache, recipe));
        Directory.Move(parserFolder.Root + ".moved", parserFolder.Root);

        var config = new CorpusConfig([source], Parsed: true, HeldOutEvery: 10);
        var prepared = CorpusPreparation.Prepare(config, dataRoot, cache, parser: recipe);
        Assert.True(prepared.Corpus.HasTrees);
        Assert.Equal(SilverCorpus.KeyOf(paths), prepared.ParsedKey);
        Assert.Equal(20, prepared.Corpus.Paragraphs);
        var edges = prepared.Corpus.TrainHeads!.Count(h => h != 0);
        var paragraphs = parsed.GroupBy(s => ParagraphSentences.ParagraphOf(s.Id)).ToList(); // in corpus order
        var words = paragraphs.Where((_, i) => i % 10 != 5).SelectMany(p => p).Sum(s => s.Count - 1); // non-root words, training paragraphs
        Assert.Equal(words, edges);

        var stale = Assert.Throws<InvalidOperationException>(() => CorpusPreparation.Prepare(config with { ParsedKey = "0000" }, dataRoot, cache, parser: recipe));
        Assert.Contains("silver trees 0000", stale.Message);
    }

    private static void WriteFirst(string from, string to, int count)
    {
        using var writer = new StreamWriter(to);
        foreach (var sentence in ConlluReader.Read(from).Take(count)) ConlluWriter.Write(writer, sentence, null);
    }
}
