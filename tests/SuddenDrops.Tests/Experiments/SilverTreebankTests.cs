using System.IO.Compression;
using System.Text.Json;
using SuddenDrops.Data;
using SuddenDrops.Experiments;
using SuddenDrops.Tests.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Experiments;

/// <summary>Silver (parsed) CoNLL-U files join the gold treebank as labelled rows; without them nothing changes.</summary>
public sealed class SilverTreebankTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static PreparedCorpus Prepared() =>
        new(TextTestData.Encoder.Vocabulary, TokenCorpus.FromStreams([1, 2, 3], [1], "test"));

    private string WriteGzip(string name, IEnumerable<DependencySentence> sentences)
    {
        var path = _temp.PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip);
        foreach (var sentence in sentences) ConlluWriter.Write(writer, sentence);
        return path;
    }

    [Fact]
    public void Silver_sentences_follow_the_gold_ones_and_the_log_names_each_file_with_its_count()
    {
        var dev = ConlluReader.Read(SharedData.PathOf("ud/en_ewt-ud-dev.conllu")).ToList();
        var gold = _temp.Write("gold.conllu", "");
        using (var writer = new StreamWriter(gold)) foreach (var s in dev.Take(30)) ConlluWriter.Write(writer, s);
        var silverA = WriteGzip("silver/a.conllu.gz", dev.Skip(30).Take(20));
        var silverB = WriteGzip("silver/b.conllu.gz", dev.Skip(50).Take(10));
        var config = new RegularizerConfig(SasVariant.Baseline, Treebank: gold, SilverTreebanks: ["silver/a.conllu.gz", silverB]);
        var log = new List<string>();

        var labeled = TrainingJob.LoadLabeled(config, _temp.Path, Prepared(), 128, log.Add);
        var goldOnly = TrainingJob.LoadLabeled(config with { SilverTreebanks = null }, _temp.Path, Prepared(), 128);

        Assert.Equal(60, labeled.Count + labeled.Skipped);
        Assert.Equal(30, goldOnly.Count + goldOnly.Skipped);
        Assert.Equal(goldOnly[0].PieceIds, labeled[0].PieceIds);
        Assert.Contains(log, line => line.Contains($"{gold} 30 (gold)") && line.Contains("silver/a.conllu.gz 20 (silver)") && line.Contains($"{silverB} 10 (silver)"));
        Assert.True(File.Exists(silverA));
    }

    [Fact]
    public void Without_silver_treebanks_the_config_json_has_no_new_key()
    {
        var plain = new RegularizerConfig(SasVariant.SasPlus);
        var json = JsonSerializer.Serialize(plain, JsonFiles.Options);
        Assert.DoesNotContain("silver", json, StringComparison.OrdinalIgnoreCase);
        var withSilver = JsonSerializer.Serialize(plain with { SilverTreebanks = ["x.conllu.gz"] }, JsonFiles.Options);
        Assert.Contains("\"silverTreebanks\"", withSilver);
        Assert.Equal(["x.conllu.gz"], JsonSerializer.Deserialize<RegularizerConfig>(withSilver, JsonFiles.Options)!.SilverTreebanks);
        Assert.Throws<FileNotFoundException>(() => TrainingJob.LoadLabeled(plain with { Treebank = SharedData.PathOf("ud/en_ewt-ud-dev.conllu"), SilverTreebanks = ["missing.conllu"] },
            _temp.Path, Prepared(), 128));
    }
}
