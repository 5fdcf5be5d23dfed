namespace SuddenDrops.Data;

/// <summary>Progress of one download: <paramref name="Bytes"/> of <paramref name="Total"/> (null when the server does not say).</summary>
public sealed record FetchProgress(string DataSet, string Item, long Bytes, long? Total);
