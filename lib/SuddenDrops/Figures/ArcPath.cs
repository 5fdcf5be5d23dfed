namespace SuddenDrops.Figures;

/// <summary>
/// Half-ellipse arcs between word positions, concatenated into one polyline with NaN breaks (one plotly trace for many
/// arcs), plus the arrow tip of each arc at its dependent.
/// </summary>
internal sealed class ArcPath
{
    /// <summary>Distance of the arcs' feet from the word line (y = 0), so that they do not cross the words.</summary>
    public const double Baseline = 0.14;

    private const int Segments = 24;

    public List<double> X { get; } = [];
    public List<double> Y { get; } = [];
    public List<double> TipX { get; } = [];
    public List<double> TipY { get; } = [];

    /// <summary>An arc from word <paramref name="head"/> to word <paramref name="dependent"/>, above or below the words.</summary>
    public void Add(int head, int dependent, double height, bool above)
    {
        var sign = above ? 1.0 : -1.0;
        var center = (head + dependent) / 2.0;
        var radius = (dependent - head) / 2.0; // negative when the head is to the right: the arc runs from head to dependent either way
        for (var s = 0; s <= Segments; s++)
        {
            var angle = Math.PI * s / Segments;
            X.Add(center - radius * Math.Cos(angle));
            Y.Add(sign * (Baseline + height * Math.Sin(angle)));
        }
        X.Add(double.NaN);
        Y.Add(double.NaN);
        TipX.Add(dependent);
        TipY.Add(sign * (Baseline + 0.02));
    }
}
