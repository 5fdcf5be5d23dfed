using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

public sealed class DataCatalogTests
{
    /// <summary>The shared folder's SHA256SUMS: "hash  ./path" lines, plus BLiMP's "blimp/data/*.jsonl (67 files): hash (...)" line.</summary>
    private static (Dictionary<string, string> Files, string Blimp) ReadSums()
    {
        var files = new Dictionary<string, string>();
        string? blimp = null;
        foreach (var line in File.ReadLines(SharedData.PathOf("SHA256SUMS")))
        {
            if (line.StartsWith("blimp/data/*.jsonl", StringComparison.Ordinal))
            {
                blimp = line.Split(": ")[1].Split(' ')[0];
                continue;
            }
            var parts = line.Split("  ./");
            files[parts[1]] = parts[0];
        }
        return (files, blimp ?? throw new InvalidDataException("no BLiMP line in SHA256SUMS"));
    }

    [Fact]
    public void Names_the_six_data_sets_in_README_order()
    {
        Assert.Equal(["ud-ewt", "blimp", "glue", "wikipedia", "gutenberg", "vocab"], DataCatalog.All.Select(s => s.Name));
        Assert.Same(DataCatalog.Glue, DataCatalog.Get("GLUE"));
        var error = Assert.Throws<ArgumentException>(() => DataCatalog.Get("mnli"));
        Assert.Contains("ud-ewt, blimp, glue, wikipedia, gutenberg, vocab", error.Message);
    }

    [Fact]
    public void Every_file_hash_is_the_one_of_the_shared_SHA256SUMS_and_every_listed_file_is_in_the_catalog()
    {
        var (sums, blimp) = ReadSums();
        var cataloged = DataCatalog.All.SelectMany(s => s.Files).Where(f => f.Sha256 is not null).ToDictionary(f => f.RelativePath, f => f.Sha256!);

        Assert.Equal(sums.OrderBy(p => p.Key, StringComparer.Ordinal), cataloged.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(blimp, DataCatalog.Blimp.CombinedSha256);
    }

    [Fact]
    public void BLiMP_lists_the_67_paradigm_files_of_the_shared_folder_in_ordinal_order()
    {
        var shared = Directory.EnumerateFiles(SharedData.PathOf("blimp/data"), "*.jsonl")
            .Select(f => "blimp/data/" + Path.GetFileName(f)).Order(StringComparer.Ordinal);

        Assert.Equal(67, DataCatalog.BlimpParadigms.Count);
        Assert.Equal(shared, DataCatalog.Blimp.CombinedFiles.Select(f => f.RelativePath));
    }

    [Fact]
    public void Only_Wikipedia_cannot_be_fetched_and_it_says_how_to_build_it()
    {
        Assert.Equal(["wikipedia"], DataCatalog.All.Where(s => !s.IsFetchable).Select(s => s.Name));
        Assert.Contains("WikiExtractor", DataCatalog.Wikipedia.BuildInstructions);
        Assert.All(DataCatalog.All, set => Assert.NotEmpty(set.Upstream));
    }

    [Fact]
    public void GLUE_tasks_come_from_the_standard_archives_and_MRPC_is_built_from_SentEval_and_GLUE_dev_ids()
    {
        var origins = DataCatalog.Glue.Files.ToDictionary(f => f.RelativePath, f => f.Origin);

        Assert.Equal(new ArchiveEntry(new Uri("https://dl.fbaipublicfiles.com/glue/data/CoLA.zip"), "CoLA/train.tsv"), origins["glue/CoLA/train.tsv"]);
        var mrpcDev = Assert.IsType<MrpcSplit>(origins["glue/MRPC/dev.tsv"]);
        Assert.True(mrpcDev.IsDev);
        Assert.Equal("https://dl.fbaipublicfiles.com/glue/data/mrpc_dev_ids.tsv", mrpcDev.DevIds.AbsoluteUri);
    }
}
