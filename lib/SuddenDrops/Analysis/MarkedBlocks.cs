using System.Text.RegularExpressions;
using SuddenDrops.Data;

namespace SuddenDrops.Analysis;

/// <summary>
/// Generated blocks inside a hand-written markdown file: text between <c>&lt;!-- generated:NAME --&gt;</c> and
/// <c>&lt;!-- /generated:NAME --&gt;</c> belongs to the generator and is replaced whole; everything else is left as written.
/// </summary>
public static partial class MarkedBlocks
{
    [GeneratedRegex(@"<!-- generated:(?<name>[\w-]+) -->\n(?<body>.*?)<!-- /generated:\k<name> -->", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();

    /// <summary>The blocks of <paramref name="markdown"/> by name (bodies with their trailing newline).</summary>
    public static IReadOnlyDictionary<string, string> Read(string markdown)
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in BlockPattern().Matches(markdown.ReplaceLineEndings("\n")))
            if (!blocks.TryAdd(m.Groups["name"].Value, m.Groups["body"].Value))
                throw new FormatException($"The generated block '{m.Groups["name"].Value}' appears twice.");
        return blocks;
    }

    /// <summary>
    /// <paramref name="markdown"/> with every block named in <paramref name="bodies"/> replaced by its new body.
    /// A block the text does not have is an error (the author places blocks; the generator only fills them).
    /// </summary>
    public static string Replace(string markdown, IReadOnlyDictionary<string, string> bodies, string fileForErrors)
    {
        var text = markdown.ReplaceLineEndings("\n");
        var present = Read(text);
        var missing = bodies.Keys.Where(k => !present.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new FormatException($"{fileForErrors}: no block for {string.Join(", ", missing.Select(m => $"'<!-- generated:{m} -->'"))}; add the markers where the table belongs.");
        return BlockPattern().Replace(text, m => bodies.TryGetValue(m.Groups["name"].Value, out var body)
            ? $"<!-- generated:{m.Groups["name"].Value} -->\n{body}<!-- /generated:{m.Groups["name"].Value} -->"
            : m.Value);
    }

    /// <summary>Rewrites the blocks of the file in place (atomically).</summary>
    public static void Update(string path, IReadOnlyDictionary<string, string> bodies) =>
        AtomicFile.WriteAllText(path, Replace(File.ReadAllText(path), bodies, path));
}
