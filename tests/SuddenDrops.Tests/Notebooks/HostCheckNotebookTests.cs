using Xunit.Abstractions;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// Runs notebooks/99-host-check.ipynb top to bottom in both served notebook hosts, as a person would after
/// <c>dotnet build lib/SuddenDrops.Cli -c Release</c> and <c>dotnet tool restore</c> (done by <see cref="NotebookToolchain"/>),
/// and fails on any cell error. Needs the NuGet registry for the tool restore and Chromium for the PNG.
/// </summary>
public sealed class HostCheckNotebookTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan NotebookLimit = TimeSpan.FromMinutes(5);

    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("sdrops-notebook-test-");
    private readonly List<string> notebookFolders = [];

    private static string HostCheck => Path.Combine(RepositoryLayout.NotebooksFolder, "99-host-check.ipynb");

    public void Dispose()
    {
        scratch.Delete(recursive: true);
        foreach (var folder in notebookFolders)
            Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Host_check_has_the_metadata_Polyglot_Notebooks_opens_as_CSharp()
    {
        var notebook = IpynbNotebook.Load(HostCheck);

        Assert.Equal(".net-csharp", notebook.KernelSpecName);
        Assert.Equal("csharp", notebook.DefaultKernel);
        Assert.All(notebook.CodeCells, cell => Assert.Equal("csharp", cell.Kernel));
        Assert.All(notebook.Cells, cell => Assert.Empty(cell.Outputs)); // committed without outputs
    }

    [Fact]
    public void Host_check_runs_in_dotnet_repl_without_a_cell_error()
    {
        output.WriteLine(NotebookToolchain.EnsureReady());
        var figures = Path.Combine(scratch.FullName, "figures");

        var (process, executed) = DotnetRepl.Run(HostCheck, Path.Combine(scratch.FullName, "executed.ipynb"), Figures(figures), NotebookLimit);

        output.WriteLine($"dotnet-repl ran the notebook in {process.Elapsed.TotalSeconds:0.0} s");
        Assert.True(executed.Errors.Count == 0, string.Join(Environment.NewLine, executed.Errors));
        Assert.True(process.ExitCode == 0, process.Describe());
        var outputs = executed.Cells.SelectMany(c => c.Outputs).ToList();
        Assert.Contains(outputs, o => o.Text.Contains("torch.ones(2) = [1, 1], sum 2"));
        Assert.Contains(outputs, o => o.MimeTypes.Contains("text/html") && o.Text.Contains("Plotly.newPlot("));
        AssertFiguresSaved(figures);
    }

    [Fact]
    public void Host_check_runs_in_dotnet_interactive_stdio_without_a_cell_error()
    {
        output.WriteLine(NotebookToolchain.EnsureReady());
        var figures = Path.Combine(scratch.FullName, "figures");

        var runs = DotnetInteractiveStdio.Run(IpynbNotebook.Load(HostCheck), Figures(figures), NotebookLimit);

        output.WriteLine($"dotnet-interactive ran the notebook's cells in {runs.Sum(r => r.Elapsed.TotalSeconds):0.0} s");
        var failures = runs.Where(r => !r.Succeeded).Select(r => $"cell {r.CellIndex}: {r.FailureMessage}");
        Assert.True(runs.All(r => r.Succeeded), string.Join(Environment.NewLine, failures));
        Assert.Contains(runs, r => r.MimeTypes.Contains("text/html"));
        AssertFiguresSaved(figures);
    }

    [Fact]
    public void Both_hosts_report_a_failing_cell()
    {
        // The checks above rely on this: a cell that throws shows up as exit code 2 and an error output
        // (dotnet-repl, which still runs the later cells) and as CommandFailed (dotnet-interactive).
        NotebookToolchain.EnsureToolsRestored();
        var notebook = WriteNotebook("""Console.WriteLine("before");""", """throw new InvalidOperationException("cell two fails");""", "1 + 1");

        var (process, executed) = DotnetRepl.Run(notebook, Path.Combine(scratch.FullName, "executed.ipynb"), Figures(scratch.FullName), NotebookLimit);
        var runs = DotnetInteractiveStdio.Run(IpynbNotebook.Load(notebook), Figures(scratch.FullName), NotebookLimit);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal(["cell 1: Error: System.InvalidOperationException: cell two fails"], executed.Errors.Select(e => e.Split('\n')[0]));
        Assert.Contains(executed.Cells[2].Outputs, o => o.Text.Contains('2'));
        Assert.Equal([true, false, true], runs.Select(r => r.Succeeded));
        Assert.Contains("cell two fails", runs[1].FailureMessage);
    }

    private static Dictionary<string, string?> Figures(string folder) => new() { ["SDROPS_NOTEBOOK_OUT"] = folder };

    private static void AssertFiguresSaved(string figures)
    {
        var page = File.ReadAllText(Path.Combine(figures, "99-host-check.html"));
        Assert.Contains("plotly.js v", page);
        Assert.DoesNotMatch(@"<script[^>]*\ssrc\s*=", page);
        var image = PngImage.Load(Path.Combine(figures, "99-host-check.png"));
        Assert.Equal((816, 466), (image.Width, image.Height)); // the notebook's 800 x 450 chart plus page margins
        // The loss curve is drawn in Plotly's first colourway colour, rgb(99, 110, 250).
        var curve = image.Count(p => Math.Abs(p.R - 99) < 12 && Math.Abs(p.G - 110) < 12 && Math.Abs(p.B - 250) < 6);
        Assert.True(curve > 500, $"only {curve} pixels of the curve's colour in the saved PNG");
    }

    /// <summary>A C# notebook with the given code cells, in a folder under the repository so the tool manifest is found.</summary>
    private string WriteNotebook(params string[] cells)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, $"notebook-run-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "cells.ipynb");
        var cellJson = cells.Select(code => new Dictionary<string, object?>
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new Dictionary<string, object> { ["polyglot_notebook"] = new Dictionary<string, string> { ["kernelName"] = "csharp" } },
            ["outputs"] = Array.Empty<object>(),
            ["source"] = code,
        });
        var notebook = new Dictionary<string, object>
        {
            ["cells"] = cellJson,
            ["metadata"] = new Dictionary<string, object>
            {
                ["kernelspec"] = new Dictionary<string, string> { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["polyglot_notebook"] = new Dictionary<string, object> { ["kernelInfo"] = new Dictionary<string, string> { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(notebook));
        notebookFolders.Add(folder);
        return path;
    }
}
