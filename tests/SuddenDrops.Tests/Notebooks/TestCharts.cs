using Plotly.NET;
using Plotly.NET.CSharp;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>Charts with features the figure tests can find in the output.</summary>
internal static class TestCharts
{
    /// <summary>A thick pure-red line across a 500 x 300 chart: its pixels are the only pure-red ones in a screenshot.</summary>
    public static GenericChart RedLine(double slope = 1.0)
    {
        var x = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        return Plotly.NET.CSharp.Chart.Line<double, double, string>(
                x: x, y: x.Select(v => slope * v).ToArray(), LineColor: Color.fromRGB(255, 0, 0), LineWidth: 6.0)
            .WithSize(500, 300);
    }

    /// <summary>Whether a screenshot pixel belongs to the red line (exact red; anti-aliased edges excluded).</summary>
    public static bool IsLineRed((byte R, byte G, byte B, byte A) pixel) => pixel is { R: > 240, G: < 15, B: < 15 };
}
