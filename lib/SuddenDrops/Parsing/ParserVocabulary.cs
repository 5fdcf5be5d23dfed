using SuddenDrops.Data;
using SuddenDrops.Training;

namespace SuddenDrops.Parsing;

/// <summary>
/// The parser's symbol tables, built from the training treebank and saved as <c>vocab.json</c>: lower-cased words seen at
/// least <see cref="ParserConfig.MinWordCount"/> times (the rest map to UNK), characters (case kept) and the relations
/// (UD relations with subtypes, as in the treebank).
/// Ids 0, 1, 2 of words and characters are PAD, UNK and ROOT (the artificial root word at position 0 of every sentence).
/// </summary>
public sealed class ParserVocabulary
{
    public const int Pad = 0, Unknown = 1, Root = 2;
    private const int Reserved = 3;

    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<char, int> _chars;
    private readonly Dictionary<string, int> _relations;

    /// <summary>The serialised form.</summary>
    /// <param name="Words">Word types from id 3 on.</param>
    /// <param name="Chars">Characters from id 3 on, as one string.</param>
    /// <param name="Relations">Relation labels from id 0 on.</param>
    public sealed record Tables(IReadOnlyList<string> Words, string Chars, IReadOnlyList<string> Relations);

    public ParserVocabulary(Tables tables)
    {
        TablesValue = tables;
        _words = tables.Words.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i + Reserved, StringComparer.Ordinal);
        _chars = tables.Chars.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i + Reserved);
        _relations = tables.Relations.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
        RootRelation = _relations.TryGetValue("root", out var root) ? root : -1;
    }

    public Tables TablesValue { get; }

    public int WordCount => TablesValue.Words.Count + Reserved;
    public int CharCount => TablesValue.Chars.Length + Reserved;
    public int RelationCount => TablesValue.Relations.Count;

    /// <summary>Id of the relation "root", or -1 when the treebank has none.</summary>
    public int RootRelation { get; }

    /// <summary>Builds the tables from training sentences.</summary>
    public static ParserVocabulary Build(IEnumerable<DependencySentence> sentences, int minWordCount)
    {
        var wordCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var chars = new SortedSet<char>();
        var relations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var word in sentence.Words)
            {
                var key = Normalize(word);
                wordCounts[key] = wordCounts.GetValueOrDefault(key) + 1;
                foreach (var c in word) chars.Add(c);
            }
            foreach (var relation in sentence.Relations) relations.Add(relation);
        }
        var words = wordCounts.Where(kv => kv.Value >= minWordCount).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        return new ParserVocabulary(new Tables(words, new string([.. chars]), [.. relations]));
    }

    /// <summary>The key of a word in the table: lower-cased (invariant culture).</summary>
    public static string Normalize(string word) => word.ToLowerInvariant();

    public int WordId(string word) => _words.GetValueOrDefault(Normalize(word), Unknown);

    public int CharId(char c) => _chars.GetValueOrDefault(c, Unknown);

    /// <summary>Id of a relation, or null when unseen in training.</summary>
    public int? TryRelationId(string relation) => _relations.TryGetValue(relation, out var id) ? id : null;

    public string Relation(int id) => TablesValue.Relations[id];

    public void Save(string path) => JsonFiles.Save(path, TablesValue);

    public static ParserVocabulary Load(string path) => new(JsonFiles.Load<Tables>(path));
}
