using System.Diagnostics;
using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

/// <summary>The whole catalog fetched through a loopback mirror rebuilt from the shared reference copy.</summary>
public sealed class FetchFromMirrorTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Fetches_every_downloadable_set_byte_identical_to_the_reference_and_skips_them_on_a_second_run()
    {
        var mirror = new SharedDataMirror(DataCatalog.All);
        using var server = new LoopbackServer(mirror.Serve);
        var fetcher = new DataFetcher(_http, new FetchOptions(server.BaseUrl, 1, TimeSpan.Zero));
        var clock = Stopwatch.StartNew();

        var outcomes = await fetcher.FetchAllAsync(_temp.Path, DataCatalog.All);

        Assert.Equal(
            [FetchStatus.Fetched, FetchStatus.Fetched, FetchStatus.Fetched, FetchStatus.NeedsBuild, FetchStatus.Fetched, FetchStatus.Fetched],
            outcomes.Select(o => o.Status));
        Assert.All(outcomes, o => Assert.Empty(o.Warnings));
        var statuses = DataCheck.Run(_temp.Path);
        Assert.All(statuses.Where(s => s.DataSet != DataCatalog.Wikipedia), s =>
        {
            Assert.True(s.IsPresent, s.DataSet.Name);
            Assert.Equal(ChecksumState.Ok, s.Checksum);
        });
        Assert.Equal(["text/gutenberg/LICENSE-package.md"], statuses.Single(s => s.DataSet == DataCatalog.Gutenberg).MissingNotices);
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "*.part", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(_temp.PathOf(DataFetcher.WorkFolder)), "archives and build inputs left behind");
        var requestsAfterFirstRun = server.Requests.Count;

        var again = await fetcher.FetchAllAsync(_temp.Path, DataCatalog.All.Where(s => s.IsFetchable));

        Assert.All(again, o => Assert.Equal(FetchStatus.AlreadyPresent, o.Status));
        Assert.Equal(requestsAfterFirstRun, server.Requests.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
