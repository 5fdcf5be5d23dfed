using System.IO.Compression;
using System.Text;
using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

public sealed class TextFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Gzipped_and_plain_files_read_the_same_text()
    {
        const string text = "Zürich\nline two\n";
        var plain = _temp.Write("a.txt", text);
        var gz = _temp.PathOf("a.txt.gz");
        using (var gzip = new GZipStream(File.Create(gz), CompressionLevel.Optimal))
            gzip.Write(Encoding.UTF8.GetBytes(text));

        using var plainReader = TextFile.OpenText(plain);
        using var gzReader = TextFile.OpenText(gz);

        Assert.Equal(text, plainReader.ReadToEnd());
        Assert.Equal(text, gzReader.ReadToEnd());
        Assert.True(TextFile.IsGzip("x.conllu.GZ"));
        Assert.False(TextFile.IsGzip("x.gzip.txt"));
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_text()
    {
        var path = _temp.Write("bom.txt", [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']);

        using var reader = TextFile.OpenText(path);

        Assert.Equal("hi", reader.ReadToEnd());
    }

    [Fact]
    public void Latin1_is_used_when_asked()
    {
        var path = _temp.Write("caesar.txt", [(byte)'C', 0xE6, (byte)'s', (byte)'a', (byte)'r']);

        using var reader = TextFile.OpenText(path, Encoding.Latin1);

        Assert.Equal("Cæsar", reader.ReadToEnd());
    }
}
