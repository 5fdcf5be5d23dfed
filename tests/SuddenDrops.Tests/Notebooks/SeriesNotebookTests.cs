using SuddenDrops.Tests.Figures;
using Xunit.Abstractions;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// Runs each notebook of the series (notebooks/00…05) top to bottom in load mode in dotnet-repl, as a person would after
/// <c>dotnet build lib/SuddenDrops.Cli -c Release</c> and <c>dotnet tool restore</c> (one Release build for all, by
/// <see cref="NotebookToolchain"/>), fails on any cell error, and checks that each figure the notebook saves exists as
/// self-contained HTML and as a PNG that shows its curves.
/// </summary>
public sealed class SeriesNotebookTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan NotebookLimit = TimeSpan.FromMinutes(4);

    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("sdrops-series-");

    public void Dispose() => scratch.Delete(recursive: true);

    public static TheoryData<string> Notebooks => new(["00-setup", "01-implicit-parses", "02-two-stage-transition", "03-simplicity-dip", "04-sas-plus-minus", "05-early-suppression"]);

    /// <summary>
    /// The figures each notebook saves, each with colours its PNG must show one of: the curves, or, where the committed runs
    /// lack the data (no TwoNN columns, no SAS sweep yet), the red message saying so. Either way the figure is not blank.
    /// </summary>
    private static readonly Dictionary<string, (string Figure, string[] AnyColor)[]> Figures = new()
    {
        ["00-setup"] = [],
        ["01-implicit-parses"] = [("01-dependency-tree", ["#222222"]), ("01-attention-heatmap", ["#2171b5"]), ("01-attention-heatmap-plateau", ["#2171b5"])],
        ["02-two-stage-transition"] = [("02-two-scales", ["#EF553B"]), ("02-two-stage-transition", ["#636efa"]), ("02-two-stage-across-runs", ["#EF553B"])],
        ["03-simplicity-dip"] = [("03-simplicity-dip", [Missing, "#440154"])],
        ["04-sas-plus-minus"] = [("04-sas-plus-minus", [Missing, "#333333"]), ("04-sas-plus-minus-gold-rows", [Missing, "#333333"])],
        ["05-early-suppression"] = [("05-early-suppression", [Missing, "#333333"]), ("05-early-suppression-gold-rows", [Missing, "#333333"]), ("05-early-suppression-16k", [Missing, "#333333"])],
    };

    /// <summary>Figures a notebook adds once the runs for them exist.</summary>
    private static readonly string[] OptionalFigures = ["02-two-stage-across-seeds"];

    /// <summary>Colour of the "no runs with this data yet" messages.</summary>
    private const string Missing = "#b22222";

    /// <summary>Text each notebook must print, computed from the runs.</summary>
    private static readonly Dictionary<string, string[]> Texts = new()
    {
        ["00-setup"] = ["sum of 0..5 = 15", "12 of 12 items found"],
        ["01-implicit-parses"] = ["heads right: UAS", "Best head", "Best offset baseline: head = word +1"],
        ["02-two-stage-transition"] = ["small: 91 checkpoints up to step 6,500. Structure onset ▲ at step", "runs have a structure onset"],
        ["03-simplicity-dip"] = ["TwoNN"],
        ["04-sas-plus-minus"] = ["SAS+", "SAS−", "per edge"],
        ["05-early-suppression"] = ["SAS−(", "UAS @ 16,000", "release steps k ="],
    };

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_is_committed_in_load_mode_executed_with_its_figures_as_static_images(string name)
    {
        var notebook = IpynbNotebook.Load(PathOf(name));

        Assert.Equal(".net-csharp", notebook.KernelSpecName);
        Assert.All(notebook.CodeCells, cell => Assert.Equal("csharp", cell.Kernel));
        Assert.Empty(notebook.Errors);
        Assert.NotEmpty(notebook.CodeCells.SelectMany(c => c.Outputs)); // committed executed (`sdrops notebooks`)
        var images = notebook.CodeCells.SelectMany(c => c.Outputs).Count(o => o.MimeTypes.Contains("image/png"));
        Assert.True(images >= Figures[name].Length, $"{name} shows {images} static images for its {Figures[name].Length} figures");
        var first = notebook.CodeCells.First().Source;
        Assert.Contains("#r \"../lib/SuddenDrops.Cli/bin/Release/net10.0/SuddenDrops.dll\"", first);
        Assert.Equal("SuddenDrops.Notebooks.NotebookHost.Prepare()", notebook.CodeCells.ElementAt(1).Source.Trim());
        if (name == "00-setup") return;
        Assert.Contains("var trainLive = false;", first);
        var markdown = string.Concat(notebook.Cells.Where(c => !c.IsCode).Select(c => c.Source));
        Assert.Contains("**The paper's claim**", markdown);
        Assert.Contains("**The method", markdown);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_top_to_bottom_in_dotnet_repl_and_saves_its_figures(string name)
    {
        output.WriteLine(NotebookToolchain.EnsureReady());
        var figures = Path.Combine(scratch.FullName, "figures");

        var executedPath = Path.Combine(scratch.FullName, "executed.ipynb");
        var (process, executed) = DotnetRepl.Run(PathOf(name), executedPath,
            new Dictionary<string, string?> { ["SDROPS_NOTEBOOK_OUT"] = figures }, NotebookLimit);

        output.WriteLine($"dotnet-repl ran {name} in {process.Elapsed.TotalSeconds:0.0} s");
        Assert.True(executed.Errors.Count == 0, string.Join(Environment.NewLine, executed.Errors));
        Assert.True(process.ExitCode == 0, process.Describe());
        var printed = string.Concat(executed.Cells.SelectMany(c => c.Outputs).Select(o => o.Text));
        foreach (var text in Texts[name])
            Assert.Contains(text, printed);
        foreach (var (figure, colors) in Figures[name])
        {
            var page = File.ReadAllText(Path.Combine(figures, figure + ".html"));
            Assert.Contains("plotly.js v", page);
            Assert.DoesNotMatch(@"<script[^>]*\ssrc\s*=", page);
            var image = PngImage.Load(Path.Combine(figures, figure + ".png"));
            Assert.True(FigurePixels.Drawn(image) > 5000, $"{figure}.png is nearly blank");
            Assert.True(colors.Any(color => FigurePixels.Count(image, color, 20) > 200), $"{figure}.png shows too little of {string.Join(" or ", colors)}");
        }
        var saved = Directory.Exists(figures) ? Directory.GetFiles(figures).Select(Path.GetFileNameWithoutExtension).Distinct().ToList() : [];
        Assert.Equal(Figures[name].Select(f => f.Figure).Order(), saved.Except(OptionalFigures).Order());

        // The committed outputs are what the notebook computes from the committed runs: texts and tables cell by cell
        // (charts and PNG bytes aside; the claim sections too). After a change, `sdrops notebooks` re-executes the series.
        var fresh = SuddenDrops.Notebooks.ExecutedNotebook.ComparableOutputs(executedPath, RepositoryLayout.Root, figures);
        var committed = SuddenDrops.Notebooks.ExecutedNotebook.ComparableOutputs(PathOf(name));
        Assert.Equal(committed.Count, fresh.Count);
        for (var cell = 0; cell < committed.Count; cell++)
            Assert.True(committed[cell].SequenceEqual(fresh[cell]),
                $"{name}, code cell {cell}: the committed outputs differ from a fresh execution (run `sdrops notebooks`).\ncommitted: {Shorten(string.Join(" ‖ ", committed[cell]))}\nfresh:     {Shorten(string.Join(" ‖ ", fresh[cell]))}");
    }

    [Fact]
    public void Two_stage_notebook_runs_in_dotnet_interactive_stdio_too()
    {
        output.WriteLine(NotebookToolchain.EnsureReady());
        var figures = Path.Combine(scratch.FullName, "figures");

        var runs = DotnetInteractiveStdio.Run(IpynbNotebook.Load(PathOf("02-two-stage-transition")),
            new Dictionary<string, string?> { ["SDROPS_NOTEBOOK_OUT"] = figures }, NotebookLimit);

        output.WriteLine($"dotnet-interactive ran the cells in {runs.Sum(r => r.Elapsed.TotalSeconds):0.0} s");
        Assert.True(runs.All(r => r.Succeeded), string.Join(Environment.NewLine, runs.Where(r => !r.Succeeded).Select(r => $"cell {r.CellIndex}: {r.FailureMessage}")));
        Assert.True(FigurePixels.Count(PngImage.Load(Path.Combine(figures, "02-two-stage-transition.png")), "#636efa", 20) > 200);
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + " …";

    private static string PathOf(string name) => Path.Combine(RepositoryLayout.NotebooksFolder, name + ".ipynb");
}
