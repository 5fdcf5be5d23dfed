namespace SuddenDrops.Parsing;

/// <summary>Settings of <see cref="CorpusParser"/>.</summary>
/// <param name="Input">Raw text (WikiExtractor format or one paragraph per line), plain or .gz.</param>
/// <param name="Output">CoNLL-U output, gzipped when it ends in .gz (one gzip member per window).</param>
/// <param name="LimitSentences">Stop once this many input sentences are done in total (over all resumed runs), or null for all.</param>
/// <param name="WindowSentences">Sentences read, sorted by length, parsed and written (one flush) at a time.</param>
/// <param name="BatchSentences">Sentences per parser batch inside a window.</param>
/// <param name="MaxWords">Longer sentences (list-like Wikipedia lines) are skipped.</param>
public sealed record CorpusParseOptions(string Input, string Output, long? LimitSentences = null, int WindowSentences = 2000, int BatchSentences = 64, int MaxWords = 150);
