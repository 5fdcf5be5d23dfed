using SuddenDrops.Experiments;

namespace SuddenDrops.Tests.Experiments;

/// <summary>The corpus cache key's view of a text source: what it reads, and what makes two copies the same source.</summary>
public sealed class CorpusSourcesTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_same_bytes_elsewhere_and_touched_later_are_the_same_source()
    {
        // The shared data folder is provisioned anew on each machine: same bytes, new folder times and file times.
        const string text = "One paragraph of text.\n\nAnother one, a little longer than the first.\n";
        var first = temp.PathOf(Path.Combine("a", "books.txt"));
        var second = temp.PathOf(Path.Combine("b", "books.txt"));
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);
        File.WriteAllText(first, text);
        File.WriteAllText(second, text);
        File.SetLastWriteTimeUtc(second, DateTime.UtcNow.AddDays(3));

        Assert.Equal(CorpusSources.Fingerprint(first, temp.Path), CorpusSources.Fingerprint(second, temp.Path));

        File.WriteAllText(second, text.Replace("longer", "shorter"));
        Assert.NotEqual(CorpusSources.Fingerprint(first, temp.Path), CorpusSources.Fingerprint(second, temp.Path));
    }

    [Fact]
    public void The_shared_corpora_are_fingerprinted_file_by_file()
    {
        var wikipedia = Assert.Single(CorpusSources.Fingerprint(CorpusSources.Wikipedia, SharedData.Root));
        Assert.Matches(@"^enwiki-extract\.txt\.gz\|\d+\|[0-9a-f]{64}$", wikipedia);
        var books = CorpusSources.Files(CorpusSources.Gutenberg, SharedData.Root);
        Assert.True(books.Count > 1, $"Found {books.Count} book files.");
        Assert.Equal(books.Count, CorpusSources.Fingerprint(CorpusSources.Gutenberg, SharedData.Root).Count());
    }
}
