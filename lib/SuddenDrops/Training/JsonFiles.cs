using SuddenDrops.Data;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SuddenDrops.Training;

/// <summary>The one JSON convention of the project: camelCase, indented, enums as strings.</summary>
public static class JsonFiles
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Save<T>(string path, T value) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Options));

    public static T Load<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{path}: empty JSON document.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Where <paramref name="saved"/> and <paramref name="given"/> differ once written in this convention, as
    /// <c>path: saved → given</c> lines (e.g. <c>regularizer.magnitude: 0 → 0.03</c>); empty when they are the same.
    /// </summary>
    public static IReadOnlyList<string> Differences<T>(T saved, T given)
    {
        var differences = new List<string>();
        Compare(JsonSerializer.SerializeToNode(saved, Options), JsonSerializer.SerializeToNode(given, Options), "", differences);
        return differences;
    }

    private static void Compare(JsonNode? a, JsonNode? b, string path, List<string> differences)
    {
        if (a is JsonObject x && b is JsonObject y)
        {
            foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key), StringComparer.Ordinal))
                Compare(x[key], y[key], path.Length == 0 ? key : $"{path}.{key}", differences);
            return;
        }
        var (left, right) = (a?.ToJsonString() ?? "(absent)", b?.ToJsonString() ?? "(absent)");
        if (left != right) differences.Add($"{path}: {left} → {right}");
    }
}
