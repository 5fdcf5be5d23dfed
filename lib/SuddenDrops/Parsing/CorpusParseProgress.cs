namespace SuddenDrops.Parsing;

/// <summary>
/// The sidecar <c>&lt;output&gt;.progress.json</c> of <see cref="CorpusParser"/>, saved (atomically) after each window's gzip
/// member is flushed to the output: how many input sentences are done and how long the output is at that point. A resumed
/// run cuts the output back to <paramref name="OutputBytes"/> (dropping a member written after the last save) and skips
/// <paramref name="SentencesRead"/> input sentences.
/// </summary>
/// <param name="Input">The input file (a resume with another input is refused).</param>
/// <param name="SentencesRead">Input sentences done (parsed, or skipped as empty or too long).</param>
/// <param name="SentencesWritten">Sentences in the output.</param>
/// <param name="WordsWritten">Words in the output.</param>
/// <param name="OutputBytes">Length of the output file after the last flushed member.</param>
/// <param name="InputExhausted">True once the whole input has been read.</param>
public sealed record CorpusParseProgress(string Input, long SentencesRead, long SentencesWritten, long WordsWritten, long OutputBytes, bool InputExhausted)
{
    public static string PathFor(string output) => output + ".progress.json";
}
