using SuddenDrops.Data;

namespace SuddenDrops.Metrics;

/// <summary>
/// Streams (sentence, attention) pairs and counts, for every (layer, head, direction), how many words the head's
/// implicit parse attaches to their gold head (Chen et al. 2024, §2.1, after Clark et al. 2019, §4.2);
/// <see cref="ToReport"/> turns the counts into a <see cref="UasReport"/>. Only counts are kept, never the maps.
/// </summary>
/// <remarks>
/// Reading one head's word-level map A ([CLS]/[SEP] dropped, diagonal zeroed):
/// dep2head predicts head(i) = argmax_{j≠i} A[i, j]; head2dep predicts head(i) = argmax_{j≠i} A[j, i].
/// The argmax skips the diagonal itself (so a word is never predicted as its own head, even when its row is all
/// zero), and ties go to the lowest word index. Root words stay in the denominator and are never right;
/// punctuation is scored like any word. Fixed-offset baselines are counted on the same sentences.
/// </remarks>
public sealed class UasAccumulator
{
    private const int Directions = 2;

    private readonly long[] _correct;   // [cells]
    private readonly double[] _weight;  // [cells], summed A on the gold head over non-root words
    private readonly RelationTallies _withSubtype;
    private readonly RelationTallies _baseRelation;
    private readonly OffsetBaselineCounter _offsets = new();

    // Per-sentence scratch, grown as needed.
    private int[] _gold = [];
    private int[] _relation = [];
    private int[] _baseOfWord = [];
    private int[] _columnBest = [];
    private float[] _columnMax = [];

    public UasAccumulator(int layers, int heads, UasOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        Options = options ?? new UasOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MinRelationWords, 1, nameof(options));
        Layers = layers;
        Heads = heads;
        var cells = layers * heads * Directions;
        _correct = new long[cells];
        _weight = new double[cells];
        _withSubtype = new RelationTallies(cells);
        _baseRelation = new RelationTallies(cells);
    }

    public int Layers { get; }
    public int Heads { get; }
    public UasOptions Options { get; }
    public int SentencesUsed { get; private set; }
    public int SentencesSkipped { get; private set; }
    public long Words { get; private set; }
    public long NonRootWords { get; private set; }

    /// <summary>Scores one sentence from its word-level attention (with [CLS]/[SEP]; they are dropped here).</summary>
    public void Add(DependencySentence sentence, WordAttention attention)
    {
        ArgumentNullException.ThrowIfNull(attention);
        CheckShape(sentence, attention.Layers, attention.Heads, attention.WordCount);
        AddMaps(sentence, attention.Values, attention.Size, 1);
    }

    /// <summary>Scores one sentence from trimmed word-to-word attention.</summary>
    public void Add(DependencySentence sentence, TrimmedWordAttention attention)
    {
        ArgumentNullException.ThrowIfNull(attention);
        CheckShape(sentence, attention.Layers, attention.Heads, attention.WordCount);
        AddMaps(sentence, attention.Values, attention.WordCount, 0);
    }

    /// <summary>Records a sentence that was not scored (e.g. too long for the model); it enters no other count.</summary>
    public void AddSkipped(DependencySentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        SentencesSkipped++;
    }

    public UasReport ToReport()
    {
        if (Words == 0) throw new InvalidOperationException("No sentence was scored; the UAS report needs at least one word.");
        var table = Table();
        var best = table[BestCell(_correct)];
        var headline = new UasHeadline(best.Layer, best.Head, best.Direction, best.Uas, best.UasNonRoot, best.Continuous, Words, NonRootWords);
        var relations = new List<RelationUas>();
        relations.AddRange(BestPerRelation(_withSubtype, withSubtype: true));
        relations.AddRange(BestPerRelation(_baseRelation, withSubtype: false));
        var offsets = _offsets.Scores();
        return new UasReport(
            Layers, Heads, SentencesUsed, SentencesSkipped, Words, NonRootWords, Options.MinRelationWords,
            headline, relations, table, offsets, OffsetBaselineCounter.Best(offsets));
    }

    /// <summary>
    /// Per-relation attachment (<see cref="RelationAttachment"/>) of the <paramref name="top"/> most frequent base relations
    /// (most words first; ties by name), preceded by <see cref="RelationAttachment.All"/> over all non-root words.
    /// Relations with fewer than <see cref="UasOptions.MinRelationWords"/> words are left out.
    /// </summary>
    public IReadOnlyList<RelationAttachment> RelationAttachments(int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        if (NonRootWords == 0) throw new InvalidOperationException("No word with a gold head was scored; per-relation UAS needs at least one.");
        var overall = BestCell(_correct);
        var (layer, head, direction) = Cell(overall);
        var offsets = OffsetBaselineCounter.Best(_offsets.Scores());
        var rows = new List<RelationAttachment>
        {
            new(RelationAttachment.All, NonRootWords, layer, head, direction, (double)_correct[overall] / NonRootWords,
                (double)_correct[overall] / NonRootWords, offsets.Offset, offsets.UasNonRoot),
        };
        var relations = Enumerable.Range(0, _baseRelation.Count)
            .Where(r => _baseRelation.Words(r) >= Options.MinRelationWords)
            .OrderByDescending(_baseRelation.Words).ThenBy(_baseRelation.Name, StringComparer.Ordinal)
            .Take(top);
        foreach (var relation in relations)
            rows.Add(Attachment(_baseRelation, relation, overall));
        return rows;
    }

    private RelationAttachment Attachment(RelationTallies tallies, int relation, int overall)
    {
        var words = tallies.Words(relation);
        var correct = tallies.Correct(relation);
        var best = BestCell(correct);
        var (layer, head, direction) = Cell(best);
        var offsetCorrect = tallies.OffsetCorrect(relation);
        var bestOffset = 0;
        for (var k = 1; k < offsetCorrect.Length; k++)
            if (offsetCorrect[k] > offsetCorrect[bestOffset]) bestOffset = k;
        return new RelationAttachment(tallies.Name(relation), words, layer, head, direction, (double)correct[best] / words,
            (double)correct[overall] / words, OffsetBaselineCounter.Offsets[bestOffset], (double)offsetCorrect[bestOffset] / words);
    }

    private void CheckShape(DependencySentence sentence, int layers, int heads, int wordCount)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (layers != Layers || heads != Heads)
            throw new ArgumentException($"Sentence {sentence.Id}: attention has {layers}×{heads} heads, the accumulator {Layers}×{Heads}.");
        if (wordCount != sentence.Count)
            throw new ArgumentException($"Sentence {sentence.Id}: attention covers {wordCount} words, the sentence has {sentence.Count}.");
    }

    /// <param name="sentence">Gold heads and relations.</param>
    /// <param name="values">[L, H, S, S] maps; word i is row/column i + <paramref name="shift"/>.</param>
    /// <param name="side">S, side of each map.</param>
    /// <param name="shift">1 when [CLS] is unit 0 (and [SEP] the last unit), 0 for trimmed maps.</param>
    private void AddMaps(DependencySentence sentence, float[] values, int side, int shift)
    {
        var n = sentence.Count;
        EnsureScratch(n);
        var gold = _gold.AsSpan(0, n);
        GoldHeads.Fill(sentence, gold);
        for (var i = 0; i < n; i++)
        {
            if (gold[i] == GoldHeads.Root)
            {
                _relation[i] = _baseOfWord[i] = -1;
                continue;
            }
            var relation = sentence.Relations[i];
            _relation[i] = _withSubtype.IndexOf(relation);
            _baseOfWord[i] = _baseRelation.IndexOf(DependencySentence.BaseRelation(relation));
            _withSubtype.CountWord(_relation[i], gold[i] - i);
            _baseRelation.CountWord(_baseOfWord[i], gold[i] - i);
            NonRootWords++;
        }
        for (var map = 0; map < Layers * Heads; map++)
            ScoreMap(values.AsSpan(map * side * side, side * side), side, shift, n, map * Directions);
        _offsets.Add(gold);
        Words += n;
        SentencesUsed++;
    }

    // One head's map: row argmax (dep2head) and, in the same pass, column argmax (head2dep).
    private void ScoreMap(ReadOnlySpan<float> map, int side, int shift, int n, int cell)
    {
        var columnBest = _columnBest.AsSpan(0, n);
        var columnMax = _columnMax.AsSpan(0, n);
        columnBest.Fill(-1);
        columnMax.Fill(float.NegativeInfinity);
        var dependentToHead = cell + (int)AttentionDirection.DependentToHead;
        var headToDependent = cell + (int)AttentionDirection.HeadToDependent;
        for (var i = 0; i < n; i++)
        {
            var row = map.Slice((i + shift) * side + shift, n); // attention from word i to words 0…n−1
            var best = -1;
            var bestValue = float.NegativeInfinity;
            for (var j = 0; j < n; j++)
            {
                if (j == i) continue;
                var value = row[j];
                if (value > bestValue) { bestValue = value; best = j; }
                if (value > columnMax[j]) { columnMax[j] = value; columnBest[j] = i; }
            }
            var head = _gold[i];
            if (head == GoldHeads.Root) continue;
            Count(dependentToHead, i, best == head, row[head]);
        }
        for (var i = 0; i < n; i++)
        {
            var head = _gold[i];
            if (head == GoldHeads.Root) continue;
            Count(headToDependent, i, columnBest[i] == head, map[(head + shift) * side + shift + i]);
        }
    }

    private void Count(int cell, int word, bool correct, float goldWeight)
    {
        _weight[cell] += goldWeight;
        _withSubtype.Weight(_relation[word])[cell] += goldWeight;
        _baseRelation.Weight(_baseOfWord[word])[cell] += goldWeight;
        if (!correct) return;
        _correct[cell]++;
        _withSubtype.Correct(_relation[word])[cell]++;
        _baseRelation.Correct(_baseOfWord[word])[cell]++;
    }

    private void EnsureScratch(int n)
    {
        if (_gold.Length >= n) return;
        var size = Math.Max(n, 2 * _gold.Length);
        _gold = new int[size];
        _relation = new int[size];
        _baseOfWord = new int[size];
        _columnBest = new int[size];
        _columnMax = new float[size];
    }

    private List<HeadScore> Table()
    {
        var table = new List<HeadScore>(_correct.Length);
        for (var cell = 0; cell < _correct.Length; cell++)
        {
            var (layer, head, direction) = Cell(cell);
            double? continuous = NonRootWords == 0 ? null : _weight[cell] / NonRootWords;
            var nonRoot = NonRootWords == 0 ? 0.0 : (double)_correct[cell] / NonRootWords;
            table.Add(new HeadScore(layer, head, direction, _correct[cell], (double)_correct[cell] / Words, nonRoot, continuous));
        }
        return table;
    }

    private IEnumerable<RelationUas> BestPerRelation(RelationTallies tallies, bool withSubtype)
    {
        var chosen = new List<RelationUas>();
        for (var relation = 0; relation < tallies.Count; relation++)
        {
            var words = tallies.Words(relation);
            if (words < Options.MinRelationWords) continue;
            var correct = tallies.Correct(relation);
            var best = BestCell(correct);
            var (layer, head, direction) = Cell(best);
            chosen.Add(new RelationUas(
                tallies.Name(relation), withSubtype, words, layer, head, direction,
                correct[best], (double)correct[best] / words, tallies.Weight(relation)[best] / words));
        }
        chosen.Sort((a, b) => b.Words != a.Words ? b.Words.CompareTo(a.Words) : string.CompareOrdinal(a.Relation, b.Relation));
        return chosen;
    }

    /// <summary>The cell with the most correct words; ties go to the first (lowest layer, head, dep2head).</summary>
    private static int BestCell(long[] correct)
    {
        var best = 0;
        for (var cell = 1; cell < correct.Length; cell++)
            if (correct[cell] > correct[best]) best = cell;
        return best;
    }

    private (int Layer, int Head, AttentionDirection Direction) Cell(int cell)
    {
        var map = cell / Directions;
        return (map / Heads, map % Heads, (AttentionDirection)(cell % Directions));
    }
}
