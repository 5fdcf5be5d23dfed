using System.CommandLine;
using SuddenDrops.Data;

namespace SuddenDrops.Cli.Commands;

/// <summary>Options that several commands take, declared once so that each has one name and one description everywhere.</summary>
internal static class SharedOptions
{
    /// <summary><c>--data</c>: the data root to read from (null: <see cref="DataRoot.Resolve(string?)"/>'s search).</summary>
    public static Option<string?> DataRoot() =>
        new("--data") { Description = $"Data root (default: ${Data.DataRoot.EnvironmentVariable}, then <project>/data, then <project>/../shared/data; see `sdrops data check`)." };
}
