using System.Globalization;
using System.Text.Json.Serialization;

namespace SuddenDrops.Training;

/// <summary>
/// Which way the syntactic regulariser pushes, by name, so that the sign of λ cannot be got wrong: users give a
/// variant and a magnitude |λ|, never a signed λ. Names: <c>base</c>, <c>sas+</c>, <c>sas-</c>, <c>sas-@k</c>
/// (suppressed until step k, then released). Serialised in <c>config.json</c> as that name.
/// </summary>
[JsonConverter(typeof(SasVariantJsonConverter))]
public sealed record SasVariant
{
    private SasVariant(SasVariantKind kind, long? releaseStep)
    {
        Kind = kind;
        ReleaseStep = releaseStep;
    }

    public SasVariantKind Kind { get; }

    /// <summary>For <see cref="SasVariantKind.SasMinusReleased"/>: the first step with λ = 0.</summary>
    public long? ReleaseStep { get; }

    public static SasVariant Baseline { get; } = new(SasVariantKind.Baseline, null);
    public static SasVariant SasPlus { get; } = new(SasVariantKind.SasPlus, null);
    public static SasVariant SasMinus { get; } = new(SasVariantKind.SasMinus, null);

    /// <summary>SAS−(k): suppressed for steps 0 … k − 1, released from step k on.</summary>
    public static SasVariant SasMinusReleasedAt(long step) => step >= 1
        ? new(SasVariantKind.SasMinusReleased, step)
        : throw new ArgumentOutOfRangeException(nameof(step), step, "The release step of sas-@k must be at least 1.");

    /// <summary>
    /// The signed coefficient of the regulariser at <paramref name="step"/> for a magnitude |λ|:
    /// L = L_MLM + λ·R, so λ &lt; 0 rewards attention on gold edges (SAS+) and λ &gt; 0 penalises it (SAS−).
    /// </summary>
    public double LambdaAt(long step, double magnitude)
    {
        if (!(magnitude >= 0) || double.IsInfinity(magnitude))
            throw new ArgumentOutOfRangeException(nameof(magnitude), magnitude, "Give |λ| as a finite magnitude ≥ 0; the variant sets the sign.");
        return Kind switch
        {
            SasVariantKind.Baseline => 0,
            SasVariantKind.SasPlus => -magnitude,
            SasVariantKind.SasMinus => magnitude,
            SasVariantKind.SasMinusReleased => step < ReleaseStep!.Value ? magnitude : 0,
            _ => throw new InvalidOperationException($"Unknown variant kind {Kind}."),
        };
    }

    /// <summary>The paper's notation: base, SAS+, SAS−, SAS−(k) (k with thousands separators), for figures and reports.</summary>
    public string Label => Kind switch
    {
        SasVariantKind.Baseline => "base",
        SasVariantKind.SasPlus => "SAS+",
        SasVariantKind.SasMinus => "SAS−",
        _ => $"SAS−({ReleaseStep!.Value.ToString("N0", CultureInfo.InvariantCulture)})",
    };

    /// <summary>The variant a name denotes (as <see cref="Parse"/> reads it), or null when it is none, e.g. for a run folder named otherwise.</summary>
    public static SasVariant? TryParse(string text)
    {
        try
        {
            return Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Parses base, sas+, sas-, sas-@k (case-insensitive, k a positive step, "_" or "," allowed as thousands separators).</summary>
    public static SasVariant Parse(string text)
    {
        var name = text.Trim().ToLowerInvariant();
        switch (name)
        {
            case "base" or "baseline": return Baseline;
            case "sas+": return SasPlus;
            case "sas-": return SasMinus;
        }
        if (name.StartsWith("sas-@", StringComparison.Ordinal)
            && long.TryParse(name[5..].Replace("_", "").Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            && step >= 1)
            return SasMinusReleasedAt(step);
        throw new FormatException($"Unknown regulariser variant '{text}': expected base, sas+, sas- or sas-@k with k a positive step (e.g. sas-@3000).");
    }

    /// <summary>The variant's name as <see cref="Parse"/> reads it: base, sas+, sas-, sas-@k.</summary>
    public override string ToString() => Kind switch
    {
        SasVariantKind.Baseline => "base",
        SasVariantKind.SasPlus => "sas+",
        SasVariantKind.SasMinus => "sas-",
        _ => $"sas-@{ReleaseStep!.Value.ToString(CultureInfo.InvariantCulture)}",
    };
}
