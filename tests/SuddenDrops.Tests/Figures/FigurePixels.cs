using System.Globalization;
using SuddenDrops.Tests.Notebooks;

namespace SuddenDrops.Tests.Figures;

/// <summary>What a figure's screenshot shows, by colour.</summary>
internal static class FigurePixels
{
    /// <summary>Pixels within <paramref name="tolerance"/> per channel of the colour <paramref name="hex"/> (#rrggbb).</summary>
    public static int Count(PngImage image, string hex, int tolerance = 10)
    {
        var (r, g, b) = Parse(hex);
        return image.Count(p => Math.Abs(p.R - r) <= tolerance && Math.Abs(p.G - g) <= tolerance && Math.Abs(p.B - b) <= tolerance);
    }

    /// <summary>Pixels that are neither white nor plotly's light plot background (#e5ecf6).</summary>
    public static int Drawn(PngImage image) =>
        image.Count(p => !(p.R > 245 && p.G > 245 && p.B > 245) && !(Math.Abs(p.R - 229) <= 3 && Math.Abs(p.G - 236) <= 3 && Math.Abs(p.B - 246) <= 3));

    private static (int R, int G, int B) Parse(string hex) =>
        (int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber), int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber), int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber));
}
