namespace SuddenDrops.Parsing;

/// <summary>What one <see cref="CorpusParser.Run"/> did.</summary>
/// <param name="SentencesParsed">Sentences parsed and written by this run.</param>
/// <param name="WordsParsed">Words in them.</param>
/// <param name="SentencesSkipped">Input sentences this run skipped (no words, or more than the word limit).</param>
/// <param name="Seconds">Wall-clock seconds of this run.</param>
/// <param name="Progress">The state after the run (totals over all runs on this output).</param>
public sealed record CorpusParseResult(long SentencesParsed, long WordsParsed, long SentencesSkipped, double Seconds, CorpusParseProgress Progress)
{
    public double WordsPerSecond => Seconds > 0 ? WordsParsed / Seconds : 0;
}
