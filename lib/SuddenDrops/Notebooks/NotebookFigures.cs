using Plotly.NET;
using SuddenDrops.Figures;

namespace SuddenDrops.Notebooks;

/// <summary>
/// Where the notebooks save their figures (notebooks/README.md, convention 4): <c>$SDROPS_NOTEBOOK_OUT</c> if set, else
/// <c>runs/notebooks/</c> at the repository root (git-ignored), so running a notebook never writes into committed runs.
/// </summary>
public static class NotebookFigures
{
    /// <summary>Environment variable that overrides the output folder (the tests point it at a scratch folder).</summary>
    public const string OutputVariable = "SDROPS_NOTEBOOK_OUT";

    /// <summary>The output folder (not created until something is saved).</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Data.ProjectRoot.Find() ?? Environment.CurrentDirectory, "runs", "notebooks");

    /// <summary>Saves <paramref name="chart"/> as <c>&lt;name&gt;.html</c> (plotly.js inlined) and <c>&lt;name&gt;.png</c> in <see cref="Folder"/>.</summary>
    public static SavedFigure Save(GenericChart chart, string name) =>
        FigureFile.Save(chart, Path.Combine(Folder, name + ".html"), Path.Combine(Folder, name + ".png"));
}
