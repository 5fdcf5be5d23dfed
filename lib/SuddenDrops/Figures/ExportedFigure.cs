namespace SuddenDrops.Figures;

/// <summary>One figure of <see cref="FigureExport"/>: where it was saved, or why it was not made.</summary>
/// <param name="Name">File name without extension (e.g. two-stage-transition).</param>
/// <param name="Saved">The HTML and PNG paths; null when the figure was skipped.</param>
/// <param name="SkippedBecause">Why there was nothing to draw; null when it was saved.</param>
public sealed record ExportedFigure(string Name, SavedFigure? Saved, string? SkippedBecause)
{
    /// <summary>Whether the figure was written.</summary>
    public bool WasSaved => Saved is not null;
}
