using System.Globalization;
using System.Text.RegularExpressions;

namespace SuddenDrops.Runs;

/// <summary>
/// What a run folder's name says about the run, by the sweep's convention <c>&lt;variant&gt;-s&lt;seed&gt;</c>:
/// <c>sas-@2000-s1</c> is variant <c>sas-@2000</c> with seed 1, <c>tiny-s0</c> is variant <c>tiny</c> with seed 0.
/// A name without a trailing <c>-sN</c> (<c>small</c>, <c>r2-lr7e-4-b64</c>) is a variant of its own, without seed.
/// A run's seed and regulariser variant come from its <c>config.json</c>; the name gives them only for a folder without one,
/// and labels a run trained without a regulariser (<see cref="RecordedRun.Variant"/>).
/// </summary>
/// <param name="Variant">The name without its seed suffix.</param>
/// <param name="Seed">The seed in the name, or null when it names none.</param>
public sealed partial record RunName(string Variant, int? Seed)
{
    /// <summary>Splits a folder name into variant and seed.</summary>
    public static RunName Parse(string folderName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folderName);
        var match = SeedSuffix().Match(folderName);
        return match.Success
            ? new RunName(match.Groups["variant"].Value, int.Parse(match.Groups["seed"].Value, CultureInfo.InvariantCulture))
            : new RunName(folderName, null);
    }

    [GeneratedRegex(@"^(?<variant>.+)-s(?<seed>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex SeedSuffix();
}
