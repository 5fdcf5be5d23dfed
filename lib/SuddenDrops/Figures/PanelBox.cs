namespace SuddenDrops.Figures;

/// <summary>Where a panel sits in the figure, as fractions of the plotting area (plotly axis domains).</summary>
/// <param name="Left">Left edge, 0…1.</param>
/// <param name="Right">Right edge, 0…1.</param>
/// <param name="Bottom">Bottom edge, 0…1.</param>
/// <param name="Top">Top edge, 0…1.</param>
internal readonly record struct PanelBox(double Left, double Right, double Bottom, double Top)
{
    /// <summary>The whole plotting area.</summary>
    public static PanelBox Whole => new(0, 1, 0, 1);

    /// <summary>Panel <paramref name="index"/> (0-based, row by row from the top left) of a rows × columns grid with the given gaps.</summary>
    public static PanelBox InGrid(int index, int rows, int columns, double horizontalGap = 0.07, double verticalGap = 0.14)
    {
        int row = index / columns, column = index % columns;
        var width = (1 - horizontalGap * (columns - 1)) / columns;
        var height = (1 - verticalGap * (rows - 1)) / rows;
        var left = column * (width + horizontalGap);
        var top = 1 - row * (height + verticalGap);
        return new PanelBox(left, left + width, top - height, top);
    }

    /// <summary>The middle of the panel's top edge, for its title.</summary>
    public double CenterX => (Left + Right) / 2;
}
