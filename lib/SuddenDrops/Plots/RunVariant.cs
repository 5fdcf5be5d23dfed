using System.Globalization;

namespace SuddenDrops.Plots;

/// <summary>
/// The paper's training variants as named in sweep folders (Chen et al. 2024, §4): <c>base</c> (no regulariser),
/// <c>sas+</c> (the syntactic regulariser promotes Syntactic Attention Structure), <c>sas-</c> (it suppresses it for the
/// whole run) and <c>sas-@k</c> (suppressed until step k, then released: the paper's SAS−(k), "early suppression").
/// </summary>
/// <param name="Kind">Which of the four.</param>
/// <param name="ReleaseStep">k of <c>sas-@k</c>; null for the others.</param>
public sealed record RunVariant(RunVariantKind Kind, int? ReleaseStep = null)
{
    /// <summary>The baseline without regulariser.</summary>
    public static RunVariant Base { get; } = new(RunVariantKind.Base);

    /// <summary>SAS promoted throughout.</summary>
    public static RunVariant Promoted { get; } = new(RunVariantKind.Promoted);

    /// <summary>SAS suppressed throughout.</summary>
    public static RunVariant Suppressed { get; } = new(RunVariantKind.Suppressed);

    /// <summary>SAS suppressed until step <paramref name="k"/>.</summary>
    public static RunVariant SuppressedUntil(int k) => new(RunVariantKind.SuppressedUntil, k);

    /// <summary>The folder-name form: base, sas+, sas-, sas-@k.</summary>
    public string Name => Kind switch
    {
        RunVariantKind.Base => "base",
        RunVariantKind.Promoted => "sas+",
        RunVariantKind.Suppressed => "sas-",
        _ => $"sas-@{ReleaseStep!.Value.ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary>The paper's notation: base, SAS+, SAS−, SAS−(k).</summary>
    public string Label => Kind switch
    {
        RunVariantKind.Base => "base",
        RunVariantKind.Promoted => "SAS+",
        RunVariantKind.Suppressed => "SAS−",
        _ => $"SAS−({ReleaseStep!.Value.ToString("N0", CultureInfo.InvariantCulture)})",
    };

    /// <summary>Reads a variant name (case-insensitive); null when it is none of the four forms.</summary>
    public static RunVariant? TryParse(string variant)
    {
        var name = variant.Trim().ToLowerInvariant();
        if (name == "base") return Base;
        if (name == "sas+") return Promoted;
        if (name == "sas-") return Suppressed;
        const string released = "sas-@";
        if (name.StartsWith(released, StringComparison.Ordinal)
            && int.TryParse(name[released.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k >= 0)
            return SuppressedUntil(k);
        return null;
    }

    public override string ToString() => Name;
}
