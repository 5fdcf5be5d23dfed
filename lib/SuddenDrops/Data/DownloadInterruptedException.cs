namespace SuddenDrops.Data;

/// <summary>One download try stopped early; <see cref="ResumableDownloader"/> retries it, resuming.</summary>
internal sealed class DownloadInterruptedException(string message, Exception? inner = null) : IOException(message, inner);
