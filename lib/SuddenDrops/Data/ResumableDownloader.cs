using System.Net;
using System.Net.Http.Headers;

namespace SuddenDrops.Data;

/// <summary>
/// Downloads a URL into a <c>.part</c> file that survives interruptions: when the file already holds some bytes,
/// the request asks for the rest with an HTTP <c>Range: bytes=N-</c> header and appends the answer
/// (<c>206 Partial Content</c>); a server that ignores ranges (<c>200</c>) restarts the file from scratch.
/// An interrupted try is retried, resuming, up to <see cref="FetchOptions.MaxAttempts"/> times; after the last one,
/// the bytes so far stay in the <c>.part</c> file for the next run.
/// </summary>
public sealed class ResumableDownloader(HttpClient http, FetchOptions options)
{
    private const int BufferSize = 1 << 16;

    /// <summary>Downloads <paramref name="url"/> into <paramref name="partPath"/>, resuming what is already there.</summary>
    /// <param name="url">What to download.</param>
    /// <param name="partPath">The partial file: appended to when it exists, complete on return.</param>
    /// <param name="report">Called with (bytes so far, total when known) as bytes arrive.</param>
    /// <param name="cancellation">Stops the download; the bytes so far stay in the partial file.</param>
    /// <exception cref="DataFetchException">HTTP error, unreachable server, or interrupted on every try.</exception>
    public async Task DownloadAsync(Uri url, string partPath, Action<long, long?>? report = null, CancellationToken cancellation = default)
    {
        var attempts = Math.Max(1, options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TryOnceAsync(url, partPath, report, cancellation);
                return;
            }
            catch (DownloadInterruptedException) when (attempt < attempts)
            {
                await Task.Delay(options.PauseBetweenTries, cancellation);
            }
            catch (DownloadInterruptedException interrupted)
            {
                var kept = PartLength(partPath);
                var next = kept > 0
                    ? $"{kept} bytes are kept in {partPath}, and the next fetch resumes from there."
                    : "nothing was downloaded.";
                throw new DataFetchException(
                    $"{url}: {interrupted.Message} after {attempts} tr{(attempts == 1 ? "y" : "ies")}; {next}",
                    interrupted.InnerException);
            }
        }
    }

    private async Task TryOnceAsync(Uri url, string partPath, Action<long, long?>? report, CancellationToken cancellation)
    {
        var existing = PartLength(partPath);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0)
            request.Headers.Range = new RangeHeaderValue(existing, null);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            throw new DownloadInterruptedException($"could not get a response ({e.Message})", e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && existing > 0)
            {
                if (response.Content.Headers.ContentRange?.Length is not { } remoteLength || remoteLength == existing)
                    return; // the .part file already holds every byte
                File.Delete(partPath);
                throw new DownloadInterruptedException($"partial file ({existing} bytes) is longer than the remote file ({remoteLength} bytes); restarting");
            }
            if (!response.IsSuccessStatusCode)
                throw new DataFetchException($"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");

            var append = response.StatusCode == HttpStatusCode.PartialContent;
            long? total;
            if (append)
            {
                var range = response.Content.Headers.ContentRange;
                if (range?.From != existing)
                    throw new DataFetchException($"{url}: asked for bytes from {existing}, the server sent a range from {range?.From?.ToString() ?? "?"}");
                total = range.Length;
            }
            else
            {
                existing = 0;
                total = response.Content.Headers.ContentLength;
            }
            await CopyBodyAsync(response, partPath, append, existing, total, report, cancellation);
        }
    }

    private static async Task CopyBodyAsync(HttpResponseMessage response, string partPath, bool append, long start, long? total,
        Action<long, long?>? report, CancellationToken cancellation)
    {
        var written = start;
        await using (var file = new FileStream(partPath, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        {
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellation);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellation)) > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellation);
                    written += read;
                    report?.Invoke(written, total);
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw new DownloadInterruptedException($"interrupted at byte {written} of {total?.ToString() ?? "?"} ({e.Message})", e);
            }
        }
        if (total is { } expected && written != expected)
            throw new DownloadInterruptedException($"connection closed at byte {written} of {expected}");
    }

    private static long PartLength(string partPath) => File.Exists(partPath) ? new FileInfo(partPath).Length : 0;
}
