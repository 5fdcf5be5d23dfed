using System.Text.Json;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// The parts of a Jupyter (nbformat 4) notebook with .NET Interactive metadata that the tests check:
/// kernelspec, default kernel, cells, and the outputs dotnet-repl writes with <c>--output-path</c>.
/// </summary>
internal sealed record IpynbNotebook(string Path, string KernelSpecName, string DefaultKernel, IReadOnlyList<IpynbCell> Cells)
{
    public IEnumerable<IpynbCell> CodeCells => Cells.Where(c => c.IsCode);

    /// <summary>Every error output, as "cell N: message", in cell order.</summary>
    public IReadOnlyList<string> Errors =>
        [.. Cells.SelectMany(c => c.Outputs.Where(o => o.IsError).Select(o => $"cell {c.Index}: {o.Text}"))];

    public static IpynbNotebook Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var metadata = root.GetProperty("metadata");
        var kernelSpec = metadata.TryGetProperty("kernelspec", out var spec) ? spec.GetProperty("name").GetString() ?? "" : "";
        var defaultKernel = DefaultKernelOf(metadata);
        var cells = root.GetProperty("cells").EnumerateArray()
            .Select((cell, index) => ReadCell(cell, index, defaultKernel))
            .ToList();
        return new IpynbNotebook(path, kernelSpec, defaultKernel, cells);
    }

    /// <summary>polyglot_notebook.kernelInfo.defaultKernelName (VS Code) or polyglot_notebook.defaultKernelName (dotnet-repl).</summary>
    private static string DefaultKernelOf(JsonElement metadata)
    {
        if (!metadata.TryGetProperty("polyglot_notebook", out var polyglot))
            return "csharp";
        var holder = polyglot.TryGetProperty("kernelInfo", out var kernelInfo) ? kernelInfo : polyglot;
        return holder.TryGetProperty("defaultKernelName", out var name) ? name.GetString() ?? "csharp" : "csharp";
    }

    private static IpynbCell ReadCell(JsonElement cell, int index, string defaultKernel)
    {
        var kernel = cell.TryGetProperty("metadata", out var metadata)
                     && metadata.TryGetProperty("polyglot_notebook", out var polyglot)
                     && polyglot.TryGetProperty("kernelName", out var name)
            ? name.GetString() ?? defaultKernel
            : defaultKernel;
        var outputs = cell.TryGetProperty("outputs", out var list)
            ? list.EnumerateArray().Select(ReadOutput).ToList()
            : [];
        return new IpynbCell(index, cell.GetProperty("cell_type").GetString() ?? "", kernel, Text(cell.GetProperty("source")), outputs);
    }

    private static IpynbOutput ReadOutput(JsonElement output)
    {
        var type = output.GetProperty("output_type").GetString() ?? "";
        if (type == "error")
            return new IpynbOutput(type, [], $"{Field(output, "ename")}: {Field(output, "evalue")}");
        if (output.TryGetProperty("data", out var data))
        {
            var mimeTypes = data.EnumerateObject().Select(p => p.Name).ToList();
            var text = data.TryGetProperty("text/html", out var html) ? Text(html)
                : data.TryGetProperty("text/plain", out var plain) ? Text(plain)
                : data.TryGetProperty("text/markdown", out var markdown) ? Text(markdown) : "";
            return new IpynbOutput(type, mimeTypes, text);
        }
        return new IpynbOutput(type, [], output.TryGetProperty("text", out var stream) ? Text(stream) : "");
    }

    private static string Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Text(value) : "";

    /// <summary>nbformat multiline strings are a string or an array of strings.</summary>
    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? string.Concat(value.EnumerateArray().Select(line => line.GetString()))
        : value.GetString() ?? "";
}
