using System.Security.Cryptography;
using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

public sealed class DataCheckTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_data_set_of_the_shared_folder_is_present_with_matching_checksums()
    {
        var statuses = DataCheck.Run(SharedData.Root);

        Assert.Equal(DataCatalog.All, statuses.Select(s => s.DataSet));
        Assert.All(statuses, s =>
        {
            Assert.True(s.IsPresent, $"{s.DataSet.Name} misses {string.Join(", ", s.MissingFiles)}");
            Assert.Equal(ChecksumState.Ok, s.Checksum);
            Assert.Empty(s.MissingNotices);
        });
    }

    [Fact]
    public void A_changed_file_is_a_mismatch_and_an_absent_set_is_missing()
    {
        var vocab = DataCatalog.Vocab.Files[0];
        var bytes = File.ReadAllBytes(SharedData.PathOf(vocab.RelativePath));
        _temp.Write(vocab.RelativePath, bytes);

        Assert.Equal(ChecksumState.Ok, DataCheck.Check(_temp.Path, DataCatalog.Vocab).Checksum);

        bytes[^2] ^= 0x20;
        _temp.Write(vocab.RelativePath, bytes);
        var changed = DataCheck.Check(_temp.Path, DataCatalog.Vocab);
        Assert.True(changed.IsPresent);
        Assert.False(changed.IsUsable);
        Assert.Equal(ChecksumState.Mismatch, changed.Checksum);
        Assert.Equal([vocab.RelativePath], changed.MismatchedFiles);

        var ud = DataCheck.Check(_temp.Path, DataCatalog.UdEwt);
        Assert.True(ud.IsMissing);
        Assert.Equal(ChecksumState.NotChecked, ud.Checksum);
        Assert.Equal(["ud/en_ewt-ud-train.conllu", "ud/en_ewt-ud-dev.conllu", "ud/en_ewt-ud-test.conllu"], ud.MissingFiles);
        Assert.Equal(["ud/LICENSE-EWT.txt"], ud.MissingNotices);
    }

    [Fact]
    public void A_combined_checksum_covers_the_files_concatenated_in_ordinal_order()
    {
        _temp.Write("s/b.txt", "world");
        _temp.Write("s/a.txt", "hello ");
        var combined = Convert.ToHexStringLower(SHA256.HashData("hello world"u8));
        DataSetFile File(string name) => new($"s/{name}", null, new DirectDownload(new Uri($"https://example.org/{name}")));
        var set = new PublicDataSet("pair", "two files", "none", "11 B", [], [File("b.txt"), File("a.txt")], combined);

        Assert.Equal(ChecksumState.Ok, DataCheck.Check(_temp.Path, set).Checksum);

        var swapped = set with { CombinedSha256 = Convert.ToHexStringLower(SHA256.HashData("worldhello "u8)) };
        Assert.Equal(["pair (combined)"], DataCheck.Check(_temp.Path, swapped).MismatchedFiles);
    }
}
