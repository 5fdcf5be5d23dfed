using System.Text.Json;

namespace SuddenDrops.Data;

/// <summary>
/// Reads BLiMP paradigms: JSON lines, one minimal pair per line, with the string fields
/// <c>sentence_good</c>, <c>sentence_bad</c>, <c>field</c>, <c>linguistics_term</c>, <c>UID</c> and
/// <c>pairID</c> (other fields, such as <c>one_prefix_method</c>, are ignored). Blank lines are skipped.
/// Every error names the file and the 1-based line (<see cref="DataFormatException"/>).
/// Upstream: github.com/alexwarstadt/blimp (<c>data/*.jsonl</c>, 67 files x 1,000 pairs).
/// </summary>
public static class BlimpReader
{
    /// <summary>Number of paradigms in the published BLiMP.</summary>
    public const int ParadigmCount = 67;

    /// <summary>Pairs per paradigm in the published BLiMP.</summary>
    public const int PairsPerParadigm = 1000;

    /// <summary>Reads every <c>*.jsonl</c> file of <paramref name="directory"/>, files in ordinal name order.</summary>
    public static IReadOnlyList<BlimpPair> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"BLiMP directory not found: {directory}");
        var files = Directory.GetFiles(directory, "*.jsonl");
        if (files.Length == 0)
            throw new FileNotFoundException($"No *.jsonl files in BLiMP directory {directory}");
        Array.Sort(files, StringComparer.Ordinal);
        var pairs = new List<BlimpPair>(files.Length * PairsPerParadigm);
        foreach (var file in files)
            pairs.AddRange(ReadFile(file));
        return pairs;
    }

    /// <summary>Reads one paradigm file.</summary>
    public static IReadOnlyList<BlimpPair> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Reads JSON lines from <paramref name="reader"/>; <paramref name="sourceName"/> is the file named in errors.</summary>
    public static IReadOnlyList<BlimpPair> Parse(TextReader reader, string sourceName)
    {
        var pairs = new List<BlimpPair>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            pairs.Add(ParseLine(line, sourceName, lineNumber));
        }
        return pairs;
    }

    private static BlimpPair ParseLine(string line, string sourceName, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new DataFormatException(sourceName, lineNumber, $"malformed JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new DataFormatException(sourceName, lineNumber, $"expected a JSON object, found {root.ValueKind}");
            string Field(string name) => RequiredText(root, name, sourceName, lineNumber);
            return new BlimpPair(
                SentenceGood: Field("sentence_good"),
                SentenceBad: Field("sentence_bad"),
                Field: Field("field"),
                LinguisticsTerm: Field("linguistics_term"),
                Uid: Field("UID"),
                PairId: Field("pairID"));
        }
    }

    /// <summary>A non-empty string field; a number is accepted for <c>pairID</c>-like fields and kept as written.</summary>
    private static string RequiredText(JsonElement root, string name, string sourceName, int lineNumber)
    {
        if (!root.TryGetProperty(name, out var value))
            throw new DataFormatException(sourceName, lineNumber, $"missing field \"{name}\"");
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new DataFormatException(sourceName, lineNumber,
                $"field \"{name}\" must be a string, found {value.ValueKind}"),
        };
        if (text.Trim().Length == 0)
            throw new DataFormatException(sourceName, lineNumber, $"field \"{name}\" is empty");
        return text;
    }
}
