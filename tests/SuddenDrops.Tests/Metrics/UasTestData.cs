using SuddenDrops.Data;
using SuddenDrops.Metrics;

namespace SuddenDrops.Tests.Metrics;

/// <summary>Shared data and hand-built sentences for the implicit-parse UAS tests.</summary>
internal static class UasTestData
{
    public static string EwtDev => SharedData.PathOf("ud/en_ewt-ud-dev.conllu");

    /// <summary>
    /// Just enough CoNLL-U for these tests (the library's reader lives in Data/): ID, FORM, UPOS, HEAD, DEPREL of
    /// basic word lines; multiword-token ranges ("1-2") and empty nodes ("1.1") are skipped.
    /// </summary>
    public static List<DependencySentence> ReadConllu(string path)
    {
        var sentences = new List<DependencySentence>();
        var words = new List<string>();
        var heads = new List<int>();
        var relations = new List<string>();
        var tags = new List<string>();
        string? id = null;
        var lineNumber = 0;
        void Flush()
        {
            if (words.Count > 0)
                sentences.Add(new DependencySentence(id ?? $"{path}:{lineNumber}", [.. words], [.. heads], [.. relations], [.. tags]));
            words.Clear(); heads.Clear(); relations.Clear(); tags.Clear();
            id = null;
        }
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0) { Flush(); continue; }
            if (line.StartsWith("# sent_id = ", StringComparison.Ordinal)) { id = line["# sent_id = ".Length..]; continue; }
            if (line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns[0].Contains('-') || columns[0].Contains('.')) continue;
            words.Add(columns[1]);
            tags.Add(columns[3]);
            heads.Add(int.Parse(columns[6]));
            relations.Add(columns[7]);
        }
        Flush();
        return sentences;
    }

    /// <summary>A sentence with the given 1-based heads; relations default to "dep" ("root" for head 0).</summary>
    public static DependencySentence Sentence(int[] heads, string[]? relations = null, string id = "test")
    {
        var words = heads.Select((_, i) => $"w{i + 1}").ToArray();
        relations ??= heads.Select(h => h == 0 ? "root" : "dep").ToArray();
        return new DependencySentence(id, words, heads, relations, heads.Select(_ => "X").ToArray());
    }

    /// <summary>
    /// Trimmed maps where head (l, h) read dep2head attaches word i to its gold head when <paramref name="knows"/> says so,
    /// and otherwise to a wrong word (the first word that is neither i nor its gold head). Row i: 0.5 on the chosen
    /// word, 0.5/(n+1) on every other word (self included, zeroed later).
    /// </summary>
    public static TrimmedWordAttention Planted(DependencySentence sentence, int layers, int heads, Func<int, int, int, bool> knows)
    {
        var n = sentence.Count;
        var values = new float[layers * heads * n * n];
        for (var l = 0; l < layers; l++)
            for (var h = 0; h < heads; h++)
                for (var i = 0; i < n; i++)
                {
                    var gold = sentence.Heads[i] - 1;
                    var target = gold >= 0 && knows(l, h, i) ? gold : FirstOther(n, i, gold);
                    var row = values.AsSpan(((l * heads + h) * n + i) * n, n);
                    row.Fill(0.5f / (n + 1));
                    row[target] = 0.5f;
                }
        return TrimmedWordAttention.FromWordMaps(layers, heads, n, values);
    }

    private static int FirstOther(int n, int word, int gold)
    {
        for (var j = 0; j < n; j++)
            if (j != word && j != gold) return j;
        return word == 0 ? 1 : 0;
    }
}
