using System.Globalization;

namespace SuddenDrops.Data;

/// <summary>
/// Reads GLUE <c>train.tsv</c>/<c>dev.tsv</c> files in the layout of a <see cref="GlueTask"/>.
/// Lines are split on tabs only (no quote handling), must have exactly <see cref="GlueTask.ColumnCount"/>
/// fields, a non-empty text and a valid label; the header, where the task has one, must match exactly.
/// Every error names the file and the 1-based line (<see cref="DataFormatException"/>).
/// </summary>
public static class GlueReader
{
    /// <summary>Reads <c>{glueDirectory}/{task.Folder}/{train|dev}.tsv</c>.</summary>
    public static IReadOnlyList<GlueExample> ReadSplit(GlueTask task, string glueDirectory, GlueSplit split) =>
        Read(task, Path.Combine(glueDirectory, task.Folder, GlueTask.FileName(split)));

    /// <summary>Reads one GLUE file of <paramref name="task"/>.</summary>
    public static IReadOnlyList<GlueExample> Read(GlueTask task, string path)
    {
        using var reader = new StreamReader(path);
        return Parse(task, reader, path);
    }

    /// <summary>Reads GLUE lines from <paramref name="reader"/>; <paramref name="sourceName"/> is the file named in errors.</summary>
    public static IReadOnlyList<GlueExample> Parse(GlueTask task, TextReader reader, string sourceName)
    {
        var examples = new List<GlueExample>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 && task.HasHeader)
            {
                CheckHeader(task, line, sourceName);
                continue;
            }
            if (line.Length == 0)
                throw new DataFormatException(sourceName, lineNumber, "empty line");
            examples.Add(ParseLine(task, line, sourceName, lineNumber));
        }
        if (lineNumber == 0 && task.HasHeader)
            throw new DataFormatException(sourceName, 1, $"empty file: {task.Name} expects a header line");
        return examples;
    }

    private static void CheckHeader(GlueTask task, string line, string sourceName)
    {
        var fields = line.Split('\t');
        if (!fields.SequenceEqual(task.Header, StringComparer.Ordinal))
            throw new DataFormatException(sourceName, 1,
                $"{task.Name} header must be \"{string.Join("\\t", task.Header)}\", found \"{line.Replace("\t", "\\t")}\"");
    }

    private static GlueExample ParseLine(GlueTask task, string line, string sourceName, int lineNumber)
    {
        var fields = line.Split('\t');
        if (fields.Length != task.ColumnCount)
            throw new DataFormatException(sourceName, lineNumber,
                $"{task.Name} expects {task.ColumnCount} tab-separated fields, found {fields.Length}");
        var textA = RequiredText(fields, task.TextAColumn, sourceName, lineNumber);
        var textB = task.TextBColumn is { } column ? RequiredText(fields, column, sourceName, lineNumber) : null;
        var label = ParseLabel(task, fields[task.LabelColumn], sourceName, lineNumber);
        return new GlueExample(textA, textB, label);
    }

    private static string RequiredText(string[] fields, int column, string sourceName, int lineNumber)
    {
        var text = fields[column];
        if (text.Trim().Length == 0)
            throw new DataFormatException(sourceName, lineNumber, $"empty text in field {column + 1}");
        return text;
    }

    private static float ParseLabel(GlueTask task, string text, string sourceName, int lineNumber)
    {
        switch (task.LabelFormat)
        {
            case GlueLabelFormat.ZeroOne when text is "0" or "1":
                return text == "0" ? 0f : 1f;
            case GlueLabelFormat.Entailment when text is "entailment" or "not_entailment":
                return text == "entailment" ? 0f : 1f;
            case GlueLabelFormat.Score
                when float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                     && score is >= 0f and <= 5f:
                return score;
        }
        var expected = task.LabelFormat switch
        {
            GlueLabelFormat.ZeroOne => "0 or 1",
            GlueLabelFormat.Entailment => "entailment or not_entailment",
            _ => "a number in [0, 5]",
        };
        throw new DataFormatException(sourceName, lineNumber,
            $"{task.Name} label in field {task.LabelColumn + 1} must be {expected}, found \"{text}\"");
    }
}
