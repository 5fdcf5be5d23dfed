namespace SuddenDrops.Figures;

/// <summary>
/// The x and y axes of one panel of a <see cref="FigureCanvas"/>: panel 1 uses plotly's <c>xaxis</c>/<c>yaxis</c>
/// (traces refer to them as <c>x</c>/<c>y</c>), panel n uses <c>xaxisn</c>/<c>yaxisn</c> (<c>xn</c>/<c>yn</c>).
/// </summary>
/// <param name="Index">1-based panel number.</param>
internal readonly record struct PanelAxes(int Index)
{
    private string Suffix => Index == 1 ? "" : Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How traces and shapes refer to the x axis: x, x2, …</summary>
    public string XRef => "x" + Suffix;

    /// <summary>How traces and shapes refer to the y axis: y, y2, …</summary>
    public string YRef => "y" + Suffix;

    /// <summary>The layout key of the x axis: xaxis, xaxis2, …</summary>
    public string XAxisKey => "xaxis" + Suffix;

    /// <summary>The layout key of the y axis: yaxis, yaxis2, …</summary>
    public string YAxisKey => "yaxis" + Suffix;
}
