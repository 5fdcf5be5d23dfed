namespace SuddenDrops.Metrics;

/// <summary>A row of floats compared by value (bitwise, with +0 and −0 equal), to find duplicate points.</summary>
internal readonly struct RowKey(ArraySegment<float> row) : IEquatable<RowKey>
{
    private readonly ArraySegment<float> _row = row;

    public bool Equals(RowKey other) => _row.AsSpan().SequenceEqual(other._row.AsSpan());

    public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in _row)
            hash.Add(value == 0 ? 0f : value);
        return hash.ToHashCode();
    }
}
