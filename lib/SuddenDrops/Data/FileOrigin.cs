namespace SuddenDrops.Data;

/// <summary>Where the bytes of one data file come from, and so what <c>DataFetcher</c> has to do to get them.</summary>
public abstract record FileOrigin
{
    /// <summary>Whether <c>DataFetcher</c> can produce the file without a person's help.</summary>
    public abstract bool IsFetchable { get; }

    /// <summary>One line for tables and documentation.</summary>
    public abstract string Describe();
}
