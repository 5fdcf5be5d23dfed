using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using SuddenDrops.Data;
using SuddenDrops.Training;

namespace SuddenDrops.Parsing;

/// <summary>
/// Parses a raw-text corpus into silver CoNLL-U trees, streaming: sentences (<see cref="RawTextSentences"/>) are tokenised
/// (<see cref="EnglishTokenizer"/>) and taken a window at a time; a window is parsed in length-sorted batches, written in
/// input order as one gzip member appended to the output and flushed to disk, and only then is the sidecar
/// <see cref="CorpusParseProgress"/> saved. A kill therefore leaves the output as complete members plus at most one member
/// the sidecar does not count; a resumed run cuts that off and goes on, so the finished file is the same as that of an
/// uninterrupted run. (Concatenated gzip members are one valid gzip stream; .NET's GZipStream and <see cref="ConlluReader"/>
/// read them all.)
/// </summary>
/// <param name="sentences">The sentences to parse, in a fixed order; null reads <see cref="CorpusParseOptions.Input"/> as a file
/// (<see cref="RawTextSentences"/>). With it, <c>Input</c> only names the input in the sidecar (e.g. <c>corpus:wikipedia</c>).</param>
public sealed class CorpusParser(DependencyParser parser, CorpusParseOptions options, Func<IEnumerable<RawSentence>>? sentences = null)
{
    /// <summary>Raised after each window is written and the sidecar saved.</summary>
    public event Action<CorpusParseProgress>? WindowWritten;

    /// <summary>Parses until the input ends, the sentence limit is reached or <paramref name="cancellation"/> fires (between windows).</summary>
    public CorpusParseResult Run(CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var progress = StartOrResume();
        long parsed = 0, words = 0, skipped = 0;
        using var input = (sentences?.Invoke() ?? RawTextSentences.Read(options.Input)).GetEnumerator();
        for (var k = 0L; k < progress.SentencesRead && input.MoveNext(); k++) { }
        while (!progress.InputExhausted && !LimitReached(progress) && !cancellation.IsCancellationRequested)
        {
            var window = NextWindow(input, progress.SentencesRead);
            if (window.Count == 0)
            {
                progress = progress with { InputExhausted = true };
                JsonFiles.Save(CorpusParseProgress.PathFor(options.Output), progress);
                break;
            }
            var exhausted = window.Count < WindowSize(progress.SentencesRead);
            var (kept, tokenized) = Tokenize(window);
            var trees = parser.ParseAll(tokenized, options.BatchSentences);
            var bytes = Append(kept, tokenized, trees);
            var windowWords = tokenized.Sum(s => (long)s.Count);
            progress = progress with
            {
                SentencesRead = progress.SentencesRead + window.Count,
                SentencesWritten = progress.SentencesWritten + kept.Count,
                WordsWritten = progress.WordsWritten + windowWords,
                OutputBytes = progress.OutputBytes + bytes,
                InputExhausted = exhausted,
            };
            JsonFiles.Save(CorpusParseProgress.PathFor(options.Output), progress);
            parsed += kept.Count;
            words += windowWords;
            skipped += window.Count - kept.Count;
            WindowWritten?.Invoke(progress);
        }
        return new CorpusParseResult(parsed, words, skipped, clock.Elapsed.TotalSeconds, progress);
    }

    private CorpusParseProgress StartOrResume()
    {
        var sidecar = CorpusParseProgress.PathFor(options.Output);
        var input = sentences is null ? Path.GetFullPath(options.Input) : options.Input;
        if (!File.Exists(sidecar))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
            File.WriteAllBytes(options.Output, []);
            var fresh = new CorpusParseProgress(input, 0, 0, 0, 0, false);
            JsonFiles.Save(sidecar, fresh);
            return fresh;
        }
        var progress = JsonFiles.Load<CorpusParseProgress>(sidecar);
        if (progress.Input != input)
            throw new InvalidOperationException($"{sidecar}: the output was started from {progress.Input}, not {input}; choose another output.");
        var length = File.Exists(options.Output) ? new FileInfo(options.Output).Length : -1;
        if (length < progress.OutputBytes)
            throw new InvalidDataException($"{options.Output}: {length} bytes, shorter than the {progress.OutputBytes} recorded in {sidecar}.");
        if (length > progress.OutputBytes)
        {
            using var file = new FileStream(options.Output, FileMode.Open, FileAccess.Write);
            file.SetLength(progress.OutputBytes);
        }
        return progress;
    }

    private bool LimitReached(CorpusParseProgress progress) => options.LimitSentences is { } limit && progress.SentencesRead >= limit;

    private int WindowSize(long done) =>
        (int)Math.Min(options.WindowSentences, options.LimitSentences is { } limit ? limit - done : long.MaxValue);

    private List<RawSentence> NextWindow(IEnumerator<RawSentence> sentences, long done)
    {
        var size = WindowSize(done);
        var window = new List<RawSentence>(size);
        while (window.Count < size && sentences.MoveNext())
            window.Add(sentences.Current);
        return window;
    }

    private (List<RawSentence> Kept, List<IReadOnlyList<string>> Words) Tokenize(List<RawSentence> window)
    {
        var kept = new List<RawSentence>();
        var words = new List<IReadOnlyList<string>>();
        foreach (var sentence in window)
        {
            var tokens = EnglishTokenizer.Tokenize(sentence.Text);
            if (tokens.Count == 0 || tokens.Count > options.MaxWords) continue;
            kept.Add(sentence);
            words.Add(tokens);
        }
        return (kept, words);
    }

    /// <summary>Appends the window as one gzip member (or plain text) and flushes it to disk; returns the bytes written.</summary>
    private long Append(List<RawSentence> sentences, List<IReadOnlyList<string>> words, IReadOnlyList<ParsedSentence> trees)
    {
        var buffer = new MemoryStream();
        var gzip = TextFile.IsGzip(options.Output) ? new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true) : null;
        using (var writer = new StreamWriter((Stream?)gzip ?? buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            for (var i = 0; i < sentences.Count; i++)
            {
                var tree = new DependencySentence(sentences[i].Id, words[i], trees[i].Heads, trees[i].Relations, Enumerable.Repeat("_", words[i].Count).ToArray());
                ConlluWriter.Write(writer, tree, sentences[i].Text);
            }
        }
        gzip?.Dispose();
        using var file = new FileStream(options.Output, FileMode.Append, FileAccess.Write);
        buffer.Position = 0;
        buffer.CopyTo(file);
        file.Flush(flushToDisk: true);
        return buffer.Length;
    }
}
