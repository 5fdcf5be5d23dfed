using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuddenDrops.Notebooks;

/// <summary>
/// The series is committed executed, so that a reader sees every figure and number without running anything (GitHub, an
/// unbuilt VS Code). <see cref="Execute"/> runs a notebook top to bottom in the pinned dotnet-repl and writes it back with
/// its outputs, machine-specific paths replaced by <c>&lt;repo&gt;</c>, <c>&lt;data&gt;</c>, <c>&lt;figures&gt;</c> and <c>~</c>
/// (<see cref="Normalize"/>). <see cref="ComparableOutputs"/> is what must not change between two executions on the same
/// committed runs: the text and table outputs; charts (their HTML carries fresh element ids) and PNG bytes are left out.
/// <c>sdrops notebooks</c> re-executes them all; a test compares a fresh execution with the committed outputs.
/// </summary>
public static class ExecutedNotebook
{
    /// <summary>The notebooks committed executed, in reading order (99-host-check describes its host and stays unexecuted).</summary>
    public static IReadOnlyList<string> Series { get; } =
        ["00-setup", "01-implicit-parses", "02-two-stage-transition", "03-simplicity-dip", "04-sas-plus-minus", "05-early-suppression"];

    private static readonly Lazy<string?> DataRootPath = new(() =>
    {
        try { return Path.GetFullPath(Data.DataRoot.Resolve(null).Path).TrimEnd('/'); }
        catch (Data.DataRootNotFoundException) { return null; }
    });

    /// <summary>Machine-specific paths in an output replaced by placeholders, so outputs compare across machines.</summary>
    public static string Normalize(string text, string repositoryRoot, string figuresFolder)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        text = text.Replace(Path.GetFullPath(figuresFolder).TrimEnd('/'), "<figures>", StringComparison.Ordinal);
        if (DataRootPath.Value is { } data) text = text.Replace(data, "<data>", StringComparison.Ordinal);
        text = text.Replace(Path.GetFullPath(repositoryRoot).TrimEnd('/'), "<repo>", StringComparison.Ordinal);
        return home.Length > 1 ? text.Replace(home, "~", StringComparison.Ordinal) : text;
    }

    /// <summary>Runs <paramref name="notebookPath"/> in dotnet-repl (from its folder) and writes it back with normalized outputs.</summary>
    /// <returns>The error outputs, as "cell N: message" (empty when every cell ran).</returns>
    public static IReadOnlyList<string> Execute(string notebookPath, string repositoryRoot, string figuresFolder, TimeSpan limit)
    {
        var full = Path.GetFullPath(notebookPath);
        var executed = Path.Combine(Path.GetTempPath(), $"sdrops-executed-{Guid.NewGuid():N}.ipynb");
        var start = new ProcessStartInfo("dotnet", ["tool", "run", "dotnet-repl", "--run", Path.GetFileName(full), "--exit-after-run", "--output-path", executed])
        {
            WorkingDirectory = Path.GetDirectoryName(full)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[NotebookFigures.OutputVariable] = figuresFolder;
        using (var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started."))
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{notebookPath} did not finish within {limit}.");
            }
            if (!File.Exists(executed))
                throw new InvalidOperationException($"dotnet-repl wrote no executed notebook for {notebookPath} (exit {process.ExitCode}): {stderr.Result}{stdout.Result}");
        }
        try
        {
            // The notebook as committed (its metadata, sources and layout kept), with the executed outputs put in.
            var notebook = JsonNode.Parse(File.ReadAllText(full))!.AsObject();
            var ran = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray();
            var cells = notebook["cells"]!.AsArray();
            if (ran.Count != cells.Count)
                throw new InvalidOperationException($"dotnet-repl returned {ran.Count} cells for the {cells.Count} of {notebookPath}.");
            var errors = new List<string>();
            for (var i = 0; i < cells.Count; i++)
            {
                if ((string?)cells[i]!["cell_type"] != "code") continue;
                var outputs = ran[i]!["outputs"]?.DeepClone().AsArray() ?? [];
                foreach (var output in outputs)
                {
                    if ((string?)output!["output_type"] == "error") errors.Add($"cell {i}: {(string?)output["evalue"]}");
                    NormalizeStrings(output, repositoryRoot, figuresFolder);
                }
                cells[i]!["outputs"] = outputs;
            }
            File.WriteAllText(full, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 1, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            return errors;
        }
        finally { File.Delete(executed); }
    }

    /// <summary>
    /// Per code cell, its text and markdown outputs and its non-chart HTML (tables), in order: what two executions on the same
    /// runs share.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> ComparableOutputs(string notebookPath, string? repositoryRoot = null, string? figuresFolder = null)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(notebookPath))!;
        var result = new List<IReadOnlyList<string>>();
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            if ((string?)cell!["cell_type"] != "code") continue;
            var texts = new List<string>();
            foreach (var output in cell["outputs"]?.AsArray() ?? [])
            {
                if (output!["data"] is not JsonObject data) continue;
                foreach (var mime in new[] { "text/plain", "text/markdown", "text/html" })
                {
                    if (data[mime] is not { } value) continue;
                    var text = value is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)value ?? "";
                    if (mime == "text/html" && text.Contains("plotly", StringComparison.OrdinalIgnoreCase)) continue; // a chart
                    texts.Add(repositoryRoot is null || figuresFolder is null ? text : Normalize(text, repositoryRoot, figuresFolder));
                }
            }
            result.Add(texts);
        }
        return result;
    }

    private static void NormalizeStrings(JsonNode? node, string repositoryRoot, string figuresFolder)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                    if (o[key] is JsonValue v && v.TryGetValue<string>(out var s)) o[key] = Normalize(s, repositoryRoot, figuresFolder);
                    else NormalizeStrings(o[key], repositoryRoot, figuresFolder);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s)) a[i] = Normalize(s, repositoryRoot, figuresFolder);
                    else NormalizeStrings(a[i], repositoryRoot, figuresFolder);
                break;
        }
    }
}
