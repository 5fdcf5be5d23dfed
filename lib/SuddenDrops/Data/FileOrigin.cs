namespace SuddenDrops.Data;

/// <summary>Where the bytes of one data file come from, and so what <see cref="DataFetcher"/> has to do to get them.</summary>
public abstract record FileOrigin
{
    /// <summary>Whether <see cref="DataFetcher"/> can produce the file without a person's help.</summary>
    public abstract bool IsFetchable { get; }

    /// <summary>One line for tables and documentation.</summary>
    public abstract string Describe();
}
