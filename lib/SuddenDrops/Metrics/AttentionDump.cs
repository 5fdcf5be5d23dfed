using System.Text.Json;
using SuddenDrops.Data;

namespace SuddenDrops.Metrics;

/// <summary>
/// Writes word-level attention maps as JSON lines, one sentence per line, so other tools can recompute UAS:
/// <code>
/// {"id": "weblog-…", "words": ["From", "the", …], "heads": [3, 3, …], "relations": ["case", "det", …],
///  "layers": L, "heads_per_layer": H,
///  "units": ["[CLS]", "From", …, "[SEP]"],
///  "attention": [[[[a00, a01, …], …], …], …]}      // [layer][head][i][j] over the n + 2 units
/// </code>
/// <c>heads</c> are 1-based word indices with 0 for the root (CoNLL-U convention); <c>attention[l][h][i][j]</c> is the
/// attention FROM unit i TO unit j after merging pieces (sum over the pieces of j, mean over the pieces of i),
/// before [CLS]/[SEP] are dropped and before the diagonal is zeroed — unit 0 is [CLS], unit n + 1 is [SEP].
/// </summary>
public sealed class AttentionDump(TextWriter writer)
{
    public void Write(DependencySentence sentence, WordAttention attention)
    {
        int n = attention.WordCount, size = n + 2;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("id", sentence.Id);
        WriteStrings(json, "words", sentence.Words);
        json.WriteStartArray("heads");
        foreach (var h in sentence.Heads) json.WriteNumberValue(h);
        json.WriteEndArray();
        WriteStrings(json, "relations", sentence.Relations);
        json.WriteNumber("layers", attention.Layers);
        json.WriteNumber("heads_per_layer", attention.Heads);
        WriteStrings(json, "units", ["[CLS]", .. sentence.Words, "[SEP]"]);
        json.WriteStartArray("attention");
        for (int l = 0; l < attention.Layers; l++)
        {
            json.WriteStartArray();
            for (int h = 0; h < attention.Heads; h++)
            {
                json.WriteStartArray();
                for (int i = 0; i < size; i++)
                {
                    json.WriteStartArray();
                    for (int j = 0; j < size; j++) json.WriteNumberValue(MathF.Round(attention.At(l, h, i, j), 6));
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        writer.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
