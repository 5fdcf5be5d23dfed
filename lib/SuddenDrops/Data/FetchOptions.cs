namespace SuddenDrops.Data;

/// <summary>How <see cref="DataFetcher"/> downloads.</summary>
/// <param name="Mirror">Base URL of a mirror laid out like <c>wget --force-directories</c> (host, then path):
/// <c>https://raw.githubusercontent.com/a/b.txt</c> is fetched from <c>{Mirror}/raw.githubusercontent.com/a/b.txt</c>.
/// Null: the upstream URLs themselves.</param>
/// <param name="MaxAttempts">Tries per download; an interrupted try is resumed from where it stopped.</param>
/// <param name="RetryDelay">Pause between tries; null means two seconds.</param>
public sealed record FetchOptions(Uri? Mirror = null, int MaxAttempts = 3, TimeSpan? RetryDelay = null)
{
    /// <summary>The environment variable read by <see cref="MirrorFromEnvironment"/>.</summary>
    public const string MirrorEnvironmentVariable = "SUDDENDROPS_MIRROR";

    /// <summary>The URL actually requested for <paramref name="upstream"/>.</summary>
    public Uri Locate(Uri upstream)
    {
        if (Mirror is null)
            return upstream;
        var mirrorBase = Mirror.AbsoluteUri.EndsWith('/') ? Mirror : new Uri(Mirror.AbsoluteUri + "/");
        return new Uri(mirrorBase, upstream.Host + upstream.AbsolutePath);
    }

    /// <summary>The mirror named by <c>SUDDENDROPS_MIRROR</c>, or null when unset.</summary>
    /// <exception cref="UriFormatException">The variable is set but is not an absolute URL.</exception>
    public static Uri? MirrorFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(MirrorEnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? null : new Uri(value, UriKind.Absolute);
    }

    internal TimeSpan PauseBetweenTries => RetryDelay ?? TimeSpan.FromSeconds(2);
}
