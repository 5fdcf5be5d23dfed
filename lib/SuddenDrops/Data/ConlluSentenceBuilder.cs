using System.Globalization;

namespace SuddenDrops.Data;

/// <summary>
/// Collects the lines of one CoNLL-U sentence and turns them into a validated <see cref="DependencySentence"/>.
/// Reused from sentence to sentence by <see cref="ConlluReader"/>.
/// </summary>
internal sealed class ConlluSentenceBuilder(string fileName)
{
    private const int ColumnCount = 10;
    private const int IdColumn = 0, FormColumn = 1, UPosColumn = 3, HeadColumn = 6, RelationColumn = 7;

    private readonly List<string> _words = [];
    private readonly List<int> _heads = [];
    private readonly List<string> _relations = [];
    private readonly List<string> _upos = [];
    private readonly List<int> _wordLines = [];
    private string? _sentenceId;
    private int _firstLine;

    public bool HasLines => _firstLine > 0;

    public void AddComment(string line, int lineNumber)
    {
        MarkStart(lineNumber);
        if (TryParseSentenceId(line) is { } id)
            _sentenceId = id;
    }

    public void AddTokenLine(string line, int lineNumber)
    {
        MarkStart(lineNumber);
        var columns = line.Split('\t');
        if (columns.Length != ColumnCount)
            throw Error(lineNumber, $"expected {ColumnCount} tab-separated columns, found {columns.Length}");

        var id = columns[IdColumn];
        var nextWord = _words.Count + 1;
        if (id.Contains('-'))
        {
            CheckMultiwordRange(id, nextWord, lineNumber);
            return;
        }
        if (id.Contains('.'))
        {
            CheckEmptyNodeId(id, lineNumber);
            return;
        }
        if (!TryParseIndex(id, out var wordId))
            throw Error(lineNumber, $"bad ID '{id}': not an integer, a range a-b or an empty node i.j");
        if (wordId != nextWord)
            throw Error(lineNumber, $"bad ID '{id}': expected {nextWord} (word IDs count 1, 2, 3, ... in order)");

        var head = columns[HeadColumn];
        if (!int.TryParse(head, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var headIndex))
            throw Error(lineNumber, $"HEAD '{head}' of word {wordId} is not an integer");

        _words.Add(columns[FormColumn]);
        _heads.Add(headIndex);
        _relations.Add(columns[RelationColumn]);
        _upos.Add(columns[UPosColumn]);
        _wordLines.Add(lineNumber);
    }

    public DependencySentence BuildAndReset()
    {
        try
        {
            if (_words.Count == 0)
                throw Error(_firstLine, "sentence has comment lines but no words");
            CheckHeadRange();
            CheckSingleRoot();
            CheckAcyclic();
            var id = _sentenceId ?? $"{fileName}:{_firstLine}";
            return new DependencySentence(id, [.. _words], [.. _heads], [.. _relations], [.. _upos]);
        }
        finally
        {
            Reset();
        }
    }

    private void CheckHeadRange()
    {
        var n = _words.Count;
        for (var i = 0; i < n; i++)
            if (_heads[i] < 0 || _heads[i] > n)
                throw Error(_wordLines[i], $"HEAD {_heads[i]} of word {i + 1} is out of range [0, {n}]");
    }

    private void CheckSingleRoot()
    {
        var root = -1;
        for (var i = 0; i < _words.Count; i++)
        {
            if (_heads[i] != 0)
                continue;
            if (root >= 0)
                throw Error(_wordLines[i], $"second root: word {i + 1} has HEAD 0 but word {root + 1} (line {_wordLines[root]}) is already the root");
            root = i;
        }
        if (root < 0)
            throw Error(_wordLines[0], "sentence has no root: no word has HEAD 0");
    }

    /// <summary>
    /// Every word must reach the root by following heads. A word that does not within n steps leads into a
    /// cycle; the error names the lowest word on that cycle.
    /// </summary>
    private void CheckAcyclic()
    {
        var n = _words.Count;
        var reachesRoot = new bool[n + 1];
        reachesRoot[0] = true;
        for (var start = 1; start <= n; start++)
        {
            var node = start;
            var steps = 0;
            while (!reachesRoot[node] && steps <= n)
            {
                node = _heads[node - 1];
                steps++;
            }
            if (!reachesRoot[node])
                throw CycleError(node);
            for (node = start; !reachesRoot[node]; node = _heads[node - 1])
                reachesRoot[node] = true;
        }
    }

    private ConlluFormatException CycleError(int nodeOnCycle)
    {
        var cycle = new List<int> { nodeOnCycle };
        for (var node = _heads[nodeOnCycle - 1]; node != nodeOnCycle; node = _heads[node - 1])
            cycle.Add(node);
        var lowest = cycle.Min();
        var path = string.Join(" -> ", cycle.Order().Select(w => w.ToString(CultureInfo.InvariantCulture)));
        var problem = cycle.Count == 1
            ? $"word {lowest} is its own head (a cycle)"
            : $"cycle in heads among words {path}";
        return Error(_wordLines[lowest - 1], problem);
    }

    private void CheckMultiwordRange(string id, int nextWord, int lineNumber)
    {
        var dash = id.IndexOf('-');
        if (!TryParseIndex(id[..dash], out var first) || !TryParseIndex(id[(dash + 1)..], out var last) || last < first)
            throw Error(lineNumber, $"bad ID '{id}': a multiword token range must be a-b with integers a <= b");
        if (first != nextWord)
            throw Error(lineNumber, $"bad ID '{id}': multiword token must start at the next word {nextWord}");
    }

    private void CheckEmptyNodeId(string id, int lineNumber)
    {
        var dot = id.IndexOf('.');
        if (!TryParseIndex(id[..dot], out _) || !TryParseIndex(id[(dot + 1)..], out var sub) || sub < 1)
            throw Error(lineNumber, $"bad ID '{id}': an empty node must be i.j with integers i >= 0, j >= 1");
    }

    private static string? TryParseSentenceId(string comment)
    {
        var body = comment.AsSpan(1).TrimStart();
        if (!body.StartsWith("sent_id", StringComparison.Ordinal))
            return null;
        body = body["sent_id".Length..].TrimStart();
        if (body.Length == 0 || body[0] != '=')
            return null;
        return body[1..].Trim().ToString();
    }

    private static bool TryParseIndex(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private void MarkStart(int lineNumber)
    {
        if (_firstLine == 0)
            _firstLine = lineNumber;
    }

    private ConlluFormatException Error(int line, string problem) => new(fileName, line, problem);

    private void Reset()
    {
        _words.Clear();
        _heads.Clear();
        _relations.Clear();
        _upos.Clear();
        _wordLines.Clear();
        _sentenceId = null;
        _firstLine = 0;
    }
}
