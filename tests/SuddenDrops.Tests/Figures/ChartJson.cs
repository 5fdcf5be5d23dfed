using System.Text.Json;
using Plotly.NET;

namespace SuddenDrops.Tests.Figures;

/// <summary>A figure read back from its plotly JSON: its traces and its layout, for assertions on what it draws.</summary>
internal sealed class ChartJson
{
    private ChartJson(JsonElement root)
    {
        Traces = [.. root.GetProperty("data").EnumerateArray()];
        Layout = root.GetProperty("layout");
    }

    /// <summary>The traces, in drawing order.</summary>
    public IReadOnlyList<JsonElement> Traces { get; }

    /// <summary>The layout object.</summary>
    public JsonElement Layout { get; }

    /// <summary>The figure title.</summary>
    public string Title => Layout.GetProperty("title").GetProperty("text").GetString()!;

    /// <summary>Every annotation's text (panel titles, notes, messages).</summary>
    public IReadOnlyList<string> Annotations =>
        Layout.TryGetProperty("annotations", out var list) ? [.. list.EnumerateArray().Select(a => a.GetProperty("text").GetString()!)] : [];

    /// <summary>The layout's x axes (xaxis, xaxis2, …) by key.</summary>
    public IReadOnlyDictionary<string, JsonElement> XAxes => Axes("xaxis");

    /// <summary>The layout's y axes (yaxis, yaxis2, …) by key.</summary>
    public IReadOnlyDictionary<string, JsonElement> YAxes => Axes("yaxis");

    /// <summary>Reads <paramref name="chart"/>.</summary>
    public static ChartJson Of(GenericChart chart)
    {
        using var document = JsonDocument.Parse(GenericChart.toJson(chart));
        return new ChartJson(document.RootElement.Clone());
    }

    /// <summary>A trace's name (empty when it has none).</summary>
    public static string Name(JsonElement trace) => trace.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";

    /// <summary>A string property of a trace, or null.</summary>
    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A trace's y values (nulls as NaN).</summary>
    public static IReadOnlyList<double> Y(JsonElement trace) =>
        [.. trace.GetProperty("y").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN)];

    /// <summary>A trace's line dash, or null.</summary>
    public static string? Dash(JsonElement trace) =>
        trace.TryGetProperty("line", out var line) ? Text(line, "dash") : null;

    private Dictionary<string, JsonElement> Axes(string prefix) =>
        Layout.EnumerateObject().Where(p => p.Name == prefix || (p.Name.StartsWith(prefix, StringComparison.Ordinal) && char.IsDigit(p.Name[^1])))
            .ToDictionary(p => p.Name, p => p.Value);
}
