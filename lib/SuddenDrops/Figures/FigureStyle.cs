using SuddenDrops.Training;
namespace SuddenDrops.Figures;

/// <summary>Colours, symbols and sizes shared by all figures, so that the notebooks and <c>sdrops figures</c> look alike.</summary>
public static class FigureStyle
{
    /// <summary>Plotly's default colourway: one colour per run.</summary>
    public static IReadOnlyList<string> RunColors { get; } =
        ["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880", "#FF97FF", "#FECB52"];

    /// <summary>Layers from the embedding output (light) to the last layer (dark): viridis, reversed.</summary>
    public static IReadOnlyList<string> LayerColors { get; } =
        ["#bddf26", "#7ad151", "#44bf70", "#22a884", "#21918c", "#2a788e", "#355f8d", "#414487", "#482475", "#440154"];

    /// <summary>Heatmap colours of attention weights: white (0) to dark blue (the map's maximum).</summary>
    public static IReadOnlyList<(double Position, string Color)> AttentionScale { get; } =
        [(0.0, "#ffffff"), (0.25, "#c6dbef"), (0.5, "#6baed6"), (0.75, "#2171b5"), (1.0, "#08306b")];

    /// <summary>Plotly marker symbol of the structure onset ▲.</summary>
    public const string StructureOnsetSymbol = "triangle-up";

    /// <summary>Plotly marker symbol of the capabilities onset ⏺.</summary>
    public const string CapabilitiesOnsetSymbol = "circle";

    /// <summary>Text glyph of the structure onset.</summary>
    public const string StructureOnsetGlyph = "▲";

    /// <summary>Text glyph of the capabilities onset (⏺ in the paper; ● renders in every font).</summary>
    public const string CapabilitiesOnsetGlyph = "●";

    /// <summary>
    /// Tick format of every step axis (training step, release step k), in d3-format: SI prefixes without trailing zeros
    /// (0, 500, 2k, 7.5k, 16k), the same in all figures; <see cref="StepHoverFormat"/> gives the exact step on hover.
    /// </summary>
    public const string StepTickFormat = "~s";

    /// <summary>Hover format of every step axis: the whole step with thousands separators (3,548).</summary>
    public const string StepHoverFormat = ",d";

    /// <summary>Fill of the ± 1 standard-error band around BLiMP's chance level.</summary>
    public const string ChanceBandFill = "rgba(127, 127, 127, 0.18)";

    /// <summary>Neutral colour for reference lines (offset baseline, base run).</summary>
    public const string ReferenceGray = "#7f7f7f";

    /// <summary>Colour of the base variant.</summary>
    public const string BaseColor = "#333333";

    /// <summary>Colour of SAS+.</summary>
    public const string PromotedColor = "#1f77b4";

    /// <summary>Colour of SAS−.</summary>
    public const string SuppressedColor = "#d62728";

    /// <summary>Correct arcs of a predicted parse.</summary>
    public const string CorrectColor = "#2ca02c";

    /// <summary>Wrong arcs of a predicted parse.</summary>
    public const string WrongColor = "#d62728";

    /// <summary>The colour of run <paramref name="index"/> in a figure.</summary>
    public static string RunColor(int index) => RunColors[index % RunColors.Count];

    /// <summary>The colour of layer <paramref name="layer"/> of a model whose last layer is <paramref name="lastLayer"/>.</summary>
    public static string LayerColor(int layer, int lastLayer)
    {
        if (lastLayer <= 0) return LayerColors[^1];
        var position = (double)layer / lastLayer * (LayerColors.Count - 1);
        return LayerColors[(int)Math.Round(position)];
    }

    /// <summary>
    /// Colour of the variant: base dark grey, SAS+ blue, SAS− red, SAS−(k) from orange (small k) to purple (large k)
    /// by the rank of k among <paramref name="releaseSteps"/>.
    /// </summary>
    public static string VariantColor(SasVariant variant, IReadOnlyList<long>? releaseSteps = null) => variant.Kind switch
    {
        SasVariantKind.Baseline => BaseColor,
        SasVariantKind.SasPlus => PromotedColor,
        SasVariantKind.SasMinus => SuppressedColor,
        _ => ReleaseColor(variant.ReleaseStep ?? 0, releaseSteps ?? [variant.ReleaseStep ?? 0]),
    };

    private static readonly string[] ReleaseColors = ["#ff7f0e", "#e377c2", "#9467bd", "#8c564b", "#17becf", "#bcbd22"];

    private static string ReleaseColor(long k, IReadOnlyList<long> all)
    {
        var ordered = all.Distinct().Order().ToList();
        var rank = Math.Max(0, ordered.IndexOf(k));
        return ReleaseColors[rank % ReleaseColors.Length];
    }
}
