using System.Security.Cryptography;
using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

public sealed class DataFetcherTests : IDisposable
{
    private const string FixturePath = "fixture/data.bin";
    private static readonly Uri FixtureUpstream = new("https://example.org/sets/data.bin");

    private readonly TempFolder _temp = new();
    private readonly HttpClient _http = new();
    private readonly byte[] _content = Fixture(300_000);

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }

    /// <summary>Deterministic pseudo-random bytes (fixed seed), so a cut at any offset is visible in the checksum.</summary>
    private static byte[] Fixture(int length)
    {
        var bytes = new byte[length];
        new Random(20240101).NextBytes(bytes);
        return bytes;
    }

    private PublicDataSet FixtureSet(string sha256) =>
        new("fixture", "one file", "none", "300 kB", [FixtureUpstream], [new DataSetFile(FixturePath, sha256, new DirectDownload(FixtureUpstream))]);

    private string Sha256 => Convert.ToHexStringLower(SHA256.HashData(_content));

    private LoopbackServer ServeFixture(int? cutAfter = null, bool ignoreRanges = false) =>
        new(path => path == "/example.org/sets/data.bin" ? _content : null) { CutFirstResponseAfter = cutAfter, IgnoreRanges = ignoreRanges };

    private DataFetcher Fetcher(LoopbackServer server, int attempts = 1) =>
        new(_http, new FetchOptions(server.BaseUrl, attempts, TimeSpan.Zero));

    [Fact]
    public void A_mirror_is_laid_out_by_host_then_path()
    {
        var options = new FetchOptions(new Uri("http://127.0.0.1:9/mirror"));

        Assert.Equal("http://127.0.0.1:9/mirror/example.org/sets/data.bin", options.Locate(FixtureUpstream).AbsoluteUri);
        Assert.Same(FixtureUpstream, new FetchOptions().Locate(FixtureUpstream));
    }

    [Fact]
    public async Task An_interrupted_download_keeps_its_part_file_and_the_next_fetch_resumes_it()
    {
        using var server = ServeFixture(cutAfter: 100_000);
        var fetcher = Fetcher(server);
        var set = FixtureSet(Sha256);
        var target = _temp.PathOf(FixturePath);

        var error = await Assert.ThrowsAsync<DataFetchException>(() => fetcher.FetchAsync(_temp.Path, set));

        Assert.Contains("100000 bytes are kept in", error.Message);
        Assert.Equal(100_000, new FileInfo(target + ".part").Length);
        Assert.False(File.Exists(target));

        var outcome = await fetcher.FetchAsync(_temp.Path, set);

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal([FixturePath], outcome.Written);
        Assert.Equal(_content, File.ReadAllBytes(target));
        Assert.False(File.Exists(target + ".part"));
        Assert.Equal([(string?)null, "bytes=100000-"], server.Requests.Select(r => r.Range));
    }

    [Fact]
    public async Task With_retries_one_fetch_resumes_by_itself()
    {
        using var server = ServeFixture(cutAfter: 123_457);

        var outcome = await Fetcher(server, attempts: 2).FetchAsync(_temp.Path, FixtureSet(Sha256));

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal(_content, File.ReadAllBytes(_temp.PathOf(FixturePath)));
        Assert.Equal("bytes=123457-", server.Requests.Last().Range);
    }

    [Fact]
    public async Task A_server_that_ignores_ranges_makes_the_download_start_over()
    {
        _temp.Write(FixturePath + ".part", _content.AsSpan(0, 5_000).ToArray());
        using var server = ServeFixture(ignoreRanges: true);

        var outcome = await Fetcher(server).FetchAsync(_temp.Path, FixtureSet(Sha256));

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal(_content, File.ReadAllBytes(_temp.PathOf(FixturePath)));
        Assert.Equal("bytes=5000-", Assert.Single(server.Requests).Range);
    }

    [Fact]
    public async Task A_complete_part_file_is_verified_without_downloading_again()
    {
        _temp.Write(FixturePath + ".part", _content);
        using var server = ServeFixture();

        var outcome = await Fetcher(server).FetchAsync(_temp.Path, FixtureSet(Sha256));

        Assert.Equal(FetchStatus.Fetched, outcome.Status);
        Assert.Equal(_content, File.ReadAllBytes(_temp.PathOf(FixturePath)));
        Assert.Equal("bytes=300000-", Assert.Single(server.Requests).Range); // answered 416: nothing left to send
    }

    [Fact]
    public async Task A_wrong_checksum_is_rejected_and_nothing_is_left_in_place()
    {
        using var server = ServeFixture();
        var wrong = new string('0', 64);

        var error = await Assert.ThrowsAsync<DataFetchException>(() => Fetcher(server).FetchAsync(_temp.Path, FixtureSet(wrong)));

        Assert.Contains($"{FixturePath}: SHA-256 is {Sha256}, expected {wrong}", error.Message);
        Assert.Contains("nothing was put in place", error.Message);
        Assert.False(File.Exists(_temp.PathOf(FixturePath)));
        Assert.False(File.Exists(_temp.PathOf(FixturePath + ".part")));
    }

    [Fact]
    public async Task A_wrong_download_does_not_replace_a_file_already_in_place()
    {
        var previous = _temp.Write(FixturePath, "an older copy");
        using var server = ServeFixture();

        await Assert.ThrowsAsync<DataFetchException>(() => Fetcher(server).FetchAsync(_temp.Path, FixtureSet(new string('0', 64))));

        Assert.Equal("an older copy", File.ReadAllText(previous));
    }

    [Fact]
    public async Task A_missing_remote_file_is_a_clear_HTTP_error()
    {
        using var server = new LoopbackServer(_ => null);

        var error = await Assert.ThrowsAsync<DataFetchException>(() => Fetcher(server).FetchAsync(_temp.Path, FixtureSet(Sha256)));

        Assert.Equal($"{server.BaseUrl}example.org/sets/data.bin: HTTP 404 Not Found", error.Message);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_clear_error_that_leaves_no_files()
    {
        int closedPort;
        using (var server = new LoopbackServer(_ => null))
            closedPort = server.BaseUrl.Port;
        var fetcher = new DataFetcher(_http, new FetchOptions(new Uri($"http://127.0.0.1:{closedPort}/"), 2, TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<DataFetchException>(() => fetcher.FetchAsync(_temp.Path, FixtureSet(Sha256)));

        Assert.Contains("could not get a response", error.Message);
        Assert.EndsWith("after 2 tries; nothing was downloaded.", error.Message);
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_set_already_in_place_is_not_downloaded_again()
    {
        _temp.Write(FixturePath, _content);
        using var server = ServeFixture();

        var outcome = await Fetcher(server).FetchAsync(_temp.Path, FixtureSet(Sha256));

        Assert.Equal(FetchStatus.AlreadyPresent, outcome.Status);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Wikipedia_cannot_be_downloaded_and_the_outcome_says_how_to_build_it()
    {
        using var server = new LoopbackServer(_ => null);

        var outcome = await Fetcher(server).FetchAsync(_temp.Path, DataCatalog.Wikipedia);

        Assert.Equal(FetchStatus.NeedsBuild, outcome.Status);
        Assert.Contains("WikiExtractor", outcome.Message);
        Assert.Empty(server.Requests);
    }
}
