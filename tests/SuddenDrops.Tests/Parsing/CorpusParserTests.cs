using System.IO.Compression;
using System.Text;
using SuddenDrops.Data;
using SuddenDrops.Parsing;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Parsing;

public sealed class CorpusParserTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DependencyParser _parser;
    private readonly string _input;

    public CorpusParserTests()
    {
        set_num_threads(1);
        var sentences = ConlluReader.Read(SharedData.PathOf(ParserConfig.EwtTrain)).Take(20).ToList();
        var folder = _temp.PathOf("parser");
        new ParserTrainer(ParserConfig.Tiny() with { MaxEpochs = 3 }, folder, sentences, sentences).Run(resume: false);
        _parser = DependencyParser.Load(folder);
        _input = _temp.Write("wiki.txt", WikiText);
    }

    public void Dispose()
    {
        _parser.Dispose();
        _temp.Dispose();
    }

    // Three WikiExtractor documents, 22 sentences (the heading "History." is a sentence too).
    private const string WikiText = """
        <doc id="12" url="?curid=12" title="Anarchism">
        Anarchism
        Anarchism is a political philosophy. It doesn't trust authority, and it's skeptical of the U.S. government's claims.
        History.
        The term was first used in 1642 (e.g. in pamphlets). Proudhon wrote "What is Property?" in 1840. It sold 1,000 copies.
        </doc>
        <doc id="25" url="?curid=25" title="Autism">
        Autism
        Autism is a neurodevelopmental condition. About 1.5% of children are diagnosed. Signs can't be seen before age 2.
        See www.example.org or write to info@example.org for more. Dr. Kanner described it in 1943. The name comes from Greek.
        Researchers don't agree on its causes. Genetics play a role. So does the environment.
        </doc>
        <doc id="39" url="?curid=39" title="Albedo">
        Albedo
        Albedo is the fraction of sunlight that is reflected. Snow has a high albedo! Oceans have a low one. We'll see why.
        Clouds matter too. They're bright. The Earth's albedo is about 0.3.
        </doc>
        """;

    private static string Decompressed(string path)
    {
        using var reader = TextFile.OpenText(path);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Parsed_output_reads_back_through_ConlluReader_with_the_tokenizer_words_and_the_raw_text()
    {
        var output = _temp.PathOf("out/wiki.conllu.gz");
        var result = new CorpusParser(_parser, new CorpusParseOptions(_input, output, WindowSentences: 4, BatchSentences: 3)).Run();

        var raw = RawTextSentences.Read(_input).ToList();
        Assert.Equal(22, raw.Count);
        var trees = ConlluReader.Read(output).ToList();
        Assert.Equal(raw.Count, trees.Count);
        Assert.Equal(raw.Count, result.SentencesParsed);
        Assert.True(result.Progress.InputExhausted);
        Assert.Equal(trees.Sum(t => (long)t.Count), result.WordsParsed);
        for (var i = 0; i < raw.Count; i++)
        {
            Assert.Equal(raw[i].Id, trees[i].Id);
            Assert.Equal(EnglishTokenizer.Tokenize(raw[i].Text), trees[i].Words);
            Assert.Equal(1, trees[i].Heads.Count(h => h == 0));
            Assert.Equal("root", trees[i].Relations[trees[i].Heads.ToList().IndexOf(0)]);
        }
        Assert.Equal("12-1", trees[0].Id);
        Assert.Contains($"# text = {raw[0].Text}\n", Decompressed(output));
        // one gzip member per window of 4 sentences: 6 members, all read
        Assert.Equal(6, CountGzipMembers(File.ReadAllBytes(output)));
    }

    [Fact]
    public void An_interrupted_and_resumed_parse_writes_the_same_file_as_an_uninterrupted_one()
    {
        var whole = _temp.PathOf("whole.conllu.gz");
        new CorpusParser(_parser, new CorpusParseOptions(_input, whole, WindowSentences: 4)).Run();

        var resumed = _temp.PathOf("resumed.conllu.gz");
        var options = new CorpusParseOptions(_input, resumed, WindowSentences: 4);
        using var kill = new CancellationTokenSource();
        var first = new CorpusParser(_parser, options);
        first.WindowWritten += p => { if (p.SentencesRead == 8) kill.Cancel(); };
        var partial = first.Run(kill.Token);
        Assert.Equal(8, partial.Progress.SentencesRead);
        Assert.False(partial.Progress.InputExhausted);
        // A kill between writing a member and saving the sidecar leaves bytes the sidecar does not count.
        using (var file = new FileStream(resumed, FileMode.Append))
            file.Write(Encoding.ASCII.GetBytes("half a gzip member"));

        var rest = new CorpusParser(_parser, options).Run();

        Assert.Equal(14, rest.SentencesParsed);
        Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(resumed));
        Assert.Equal(22, ConlluReader.Read(resumed).Count());
    }

    [Fact]
    public void A_sentence_limit_stops_early_and_a_later_run_continues_to_the_same_text()
    {
        var whole = _temp.PathOf("whole.conllu");
        new CorpusParser(_parser, new CorpusParseOptions(_input, whole, WindowSentences: 4)).Run();
        var limited = _temp.PathOf("limited.conllu");

        var first = new CorpusParser(_parser, new CorpusParseOptions(_input, limited, LimitSentences: 8, WindowSentences: 4)).Run();
        Assert.Equal(8, ConlluReader.Read(limited).Count());
        Assert.Equal(8, first.Progress.SentencesRead);
        new CorpusParser(_parser, new CorpusParseOptions(_input, limited, WindowSentences: 4)).Run();

        Assert.Equal(File.ReadAllText(whole), File.ReadAllText(limited));
    }

    [Fact]
    public void ConlluWriter_round_trips_EWT_dev_trees()
    {
        var gold = ConlluReader.Read(SharedData.PathOf(ParserConfig.EwtDev)).Take(200).ToList();
        var path = _temp.PathOf("dev.conllu.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
            foreach (var sentence in gold) ConlluWriter.Write(writer, sentence);

        var read = ConlluReader.Read(path).ToList();
        Assert.Equal(gold.Count, read.Count);
        for (var i = 0; i < gold.Count; i++)
        {
            Assert.Equal(gold[i].Id, read[i].Id);
            Assert.Equal(gold[i].Words, read[i].Words);
            Assert.Equal(gold[i].Heads, read[i].Heads);
            Assert.Equal(gold[i].Relations, read[i].Relations);
            Assert.Equal(gold[i].UPos, read[i].UPos);
        }
    }

    /// <summary>Gzip members: each starts with the magic 1f 8b 08; counted by decompressing member by member.</summary>
    private static int CountGzipMembers(byte[] bytes)
    {
        var members = 0;
        for (var i = 0; i + 2 < bytes.Length; i++)
            if (bytes[i] == 0x1f && bytes[i + 1] == 0x8b && bytes[i + 2] == 0x08 && (i == 0 || IsMemberEnd(bytes, i)))
                members++;
        return members;
    }

    /// <summary>True when the bytes before <paramref name="start"/> form complete gzip members (they decompress alone).</summary>
    private static bool IsMemberEnd(byte[] bytes, int start)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes, 0, start), CompressionMode.Decompress);
            gzip.CopyTo(Stream.Null);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
