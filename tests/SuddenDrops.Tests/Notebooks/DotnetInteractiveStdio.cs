using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// Runs a notebook's code cells in the pinned dotnet-interactive, headless, through its stdio protocol
/// (<c>dotnet tool run dotnet-interactive stdio</c>): one JSON <c>SubmitCode</c> command envelope per line on
/// standard input, one JSON event envelope per line on standard output, each cell finished by
/// <c>CommandSucceeded</c> or <c>CommandFailed</c> carrying the submitted token. dotnet-interactive 1.0.712001
/// has no "run this notebook" command; this is what the Polyglot Notebooks extension does over the same protocol.
/// </summary>
internal static class DotnetInteractiveStdio
{
    private static readonly string[] ValueEvents = ["DisplayedValueProduced", "ReturnValueProduced", "DisplayedValueUpdated"];

    public static IReadOnlyList<StdioCellRun> Run(IpynbNotebook notebook, IReadOnlyDictionary<string, string?> environment, TimeSpan limitPerCell)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        var start = ExternalProcess.Describe("dotnet",
            ["tool", "run", "dotnet-interactive", "stdio", "--default-kernel", notebook.DefaultKernel], folder, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet-interactive stdio.");
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            return [.. notebook.CodeCells.Select(cell => Submit(process, cell, limitPerCell, stderr))];
        }
        finally
        {
            // The stdio kernel does not exit when its input closes: end it (and only it) here.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static StdioCellRun Submit(Process process, IpynbCell cell, TimeSpan limit, Task<string> stderr)
    {
        var token = $"cell-{cell.Index}-{Guid.NewGuid():N}";
        var envelope = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = cell.Source, ["targetKernelName"] = cell.Kernel },
        };
        process.StandardInput.WriteLine(envelope.ToJsonString());
        process.StandardInput.Flush();
        var clock = Stopwatch.StartNew();
        var mimeTypes = new List<string>();
        while (true)
        {
            var remaining = limit - clock.Elapsed;
            var read = process.StandardOutput.ReadLineAsync();
            if (remaining <= TimeSpan.Zero || !read.Wait(remaining))
                throw new TimeoutException($"{cell.Kernel} cell {cell.Index} did not finish within {limit.TotalSeconds:0} s in dotnet-interactive.");
            var line = read.Result
                ?? throw new InvalidOperationException($"dotnet-interactive exited during cell {cell.Index}. Its standard error: {(stderr.IsCompleted ? stderr.Result : "")}");
            if (!TryParse(line, out var eventType, out var commandToken, out var payload))
                continue;
            if (ValueEvents.Contains(eventType) && payload?["formattedValues"] is JsonArray values)
                mimeTypes.AddRange(values.Select(v => v?["mimeType"]?.GetValue<string>() ?? ""));
            if (commandToken != token)
                continue;
            if (eventType == "CommandSucceeded")
                return new StdioCellRun(cell.Index, true, "", mimeTypes, clock.Elapsed);
            if (eventType == "CommandFailed")
                return new StdioCellRun(cell.Index, false, payload?["message"]?.GetValue<string>() ?? "(no message)", mimeTypes, clock.Elapsed);
        }
    }

    /// <summary>Reads an event envelope; banner lines and other non-JSON output give false.</summary>
    private static bool TryParse(string line, out string eventType, out string commandToken, out JsonNode? payload)
    {
        eventType = commandToken = "";
        payload = null;
        if (!line.StartsWith('{'))
            return false;
        try
        {
            var envelope = JsonNode.Parse(line);
            eventType = envelope?["eventType"]?.GetValue<string>() ?? "";
            commandToken = envelope?["command"]?["token"]?.GetValue<string>() ?? "";
            payload = envelope?["event"];
            return eventType.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
