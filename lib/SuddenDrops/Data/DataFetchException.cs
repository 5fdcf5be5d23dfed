namespace SuddenDrops.Data;

/// <summary>A data set could not be fetched: unreachable URL, HTTP error, interrupted download, bad archive or checksum.</summary>
public sealed class DataFetchException(string message, Exception? inner = null) : IOException(message, inner);
