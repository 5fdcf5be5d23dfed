namespace SuddenDrops.Metrics;

/// <summary>Per-relation counts of the implicit parse: words, correct predictions and gold-head weight per scoring cell.</summary>
internal sealed class RelationTallies(int cells)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<long> _words = [];
    private readonly List<long[]> _correct = [];
    private readonly List<double[]> _weight = [];
    private readonly List<long[]> _offsets = [];

    public int Count => _names.Count;

    public int IndexOf(string relation)
    {
        if (_index.TryGetValue(relation, out var index)) return index;
        index = _names.Count;
        _index.Add(relation, index);
        _names.Add(relation);
        _words.Add(0);
        _correct.Add(new long[cells]);
        _weight.Add(new double[cells]);
        _offsets.Add(new long[OffsetBaselineCounter.Offsets.Count]);
        return index;
    }

    /// <summary>Counts one word of the relation whose gold head is <paramref name="offset"/> words away (head − dependent).</summary>
    public void CountWord(int relation, int offset)
    {
        _words[relation]++;
        var offsets = _offsets[relation];
        for (var k = 0; k < offsets.Length; k++)
            if (OffsetBaselineCounter.Offsets[k] == offset) offsets[k]++;
    }

    public string Name(int relation) => _names[relation];
    public long Words(int relation) => _words[relation];

    /// <summary>Correct predictions per cell, [cells].</summary>
    public long[] Correct(int relation) => _correct[relation];

    /// <summary>Summed attention weight on the gold head per cell, [cells].</summary>
    public double[] Weight(int relation) => _weight[relation];

    /// <summary>Words whose gold head is word i + k, per offset k of <see cref="OffsetBaselineCounter.Offsets"/>.</summary>
    public long[] OffsetCorrect(int relation) => _offsets[relation];
}
