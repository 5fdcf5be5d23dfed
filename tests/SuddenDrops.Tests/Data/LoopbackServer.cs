using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SuddenDrops.Tests.Data;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 (a free port) serving byte arrays by path, with <c>Range: bytes=N-</c> support.
/// It can cut its first response short (to simulate a dropped connection) or ignore ranges (to simulate a server
/// without resume support), and it records every request's path and Range header.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, byte[]?> _content;
    private readonly Task _loop;
    private int _responses;

    /// <param name="content">The bytes for a request path (e.g. "/example.org/a.bin"), or null for 404.</param>
    public LoopbackServer(Func<string, byte[]?> content)
    {
        _content = content;
        BaseUrl = StartOnFreePort();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    /// <summary>When set, the first response sends only this many body bytes, then drops the connection.</summary>
    public int? CutFirstResponseAfter { get; init; }

    /// <summary>When true, Range headers are ignored and the whole file is sent with 200.</summary>
    public bool IgnoreRanges { get; init; }

    public ConcurrentQueue<(string Path, string? Range)> Requests { get; } = new();

    private Uri StartOnFreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var prefix = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(prefix);
            try
            {
                _listener.Start();
                return new Uri(prefix);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // another process took the port between probe and start; try another
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url!.AbsolutePath;
        var range = request.Headers["Range"];
        Requests.Enqueue((path, range));
        var isFirst = Interlocked.Increment(ref _responses) == 1;
        try
        {
            var bytes = _content(path);
            if (bytes is null)
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }
            var start = !IgnoreRanges && range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-')
                ? long.Parse(range["bytes=".Length..^1])
                : 0;
            if (start >= bytes.Length && start > 0)
            {
                response.StatusCode = 416;
                response.Headers["Content-Range"] = $"bytes */{bytes.Length}";
                response.Close();
                return;
            }
            if (start > 0)
            {
                response.StatusCode = 206;
                response.Headers["Content-Range"] = $"bytes {start}-{bytes.Length - 1}/{bytes.Length}";
            }
            response.ContentLength64 = bytes.Length - start;
            if (isFirst && CutFirstResponseAfter is { } cut)
            {
                await response.OutputStream.WriteAsync(bytes.AsMemory((int)start, cut));
                await response.OutputStream.FlushAsync();
                await Task.Delay(200);
                response.Abort();
                return;
            }
            await response.OutputStream.WriteAsync(bytes.AsMemory((int)start));
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            response.Abort();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
