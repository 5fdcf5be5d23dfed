using System.Globalization;
using System.Text.Json;
using SuddenDrops.Data;
using SuddenDrops.Parsing;
using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// Silver dependency trees of the pretraining text, cached beside the tokenised corpora (<see cref="CorpusPreparation.DefaultCacheDirectory"/>).
/// This class owns the cache's names:
/// <list type="bullet">
/// <item><c>parser-&lt;key&gt;/</c>: the biaffine parser (<see cref="ParserFolder"/>) trained on UD EWT train with the default
/// <see cref="ParserConfig"/>; the key hashes that config and the contents of the EWT files, so a changed recipe trains anew;</item>
/// <item><c>silver-&lt;source&gt;-&lt;key&gt;.conllu.gz</c> (+ <c>.progress.json</c>): the source's paragraphs
/// (<see cref="ParagraphSentences"/>) parsed by that parser; the key hashes the source's files, the parser's model file and
/// the sentence ids' format;</item>
/// <item><c>parser-&lt;key&gt;.model.sha256</c>: the finished parser's model hash, so the parses stay findable (and usable)
/// when the parser folder itself is gone; the parser is needed only to parse a source anew.</item>
/// </list>
/// <see cref="Build"/> makes whatever is missing (about 80 min for the parser and 45 min for Wikipedia and the books on one
/// thread, both resumable: run it again after an interruption); <see cref="Require"/> finds the finished parses or says
/// which command builds them.
/// </summary>
public static class SilverCorpus
{
    /// <summary>Part of every parse key: bump when the sentence ids or the parse's settings change.</summary>
    private const string ParseFormat = "paragraph-sentences-v1;max-words=150";

    /// <summary>The command that builds everything (named in error messages and the docs).</summary>
    public const string BuildCommand = "sdrops silver";

    /// <summary>The parser recipe of the silver trees (one thread, seed 0); the methods below take another for tests.</summary>
    public static ParserConfig DefaultParser { get; } = new();

    public static ParserFolder ParserFolderIn(string cacheDirectory, string dataRoot, ParserConfig? parser = null) =>
        new(Path.Combine(cacheDirectory, $"parser-{ParserKey(dataRoot, parser ?? DefaultParser)}"));

    /// <summary>The parse file of <paramref name="source"/> by the parser in <paramref name="parser"/>.</summary>
    public static string ParsePath(string cacheDirectory, string source, string dataRoot, ParserFolder parser) =>
        Path.Combine(cacheDirectory, $"silver-{SafeName(source)}-{ParseKey(source, dataRoot, ModelHash(parser)
            ?? throw new FileNotFoundException($"No finished parser at {parser.Root} and no record of one ({ModelHashPath(parser)})."))}.conllu.gz");

    /// <summary>Where the finished parser's model hash is kept, beside its folder.</summary>
    public static string ModelHashPath(ParserFolder parser) => parser.Root + ".model.sha256";

    private static bool IsFinished(ParserFolder parser) =>
        parser.HasModel && File.Exists(parser.StatePath) && JsonFiles.Load<ParserTrainingState>(parser.StatePath).Stopped;

    /// <summary>The finished parser's model hash (recorded beside its folder), the recorded one when the parser is gone, or null.</summary>
    private static string? ModelHash(ParserFolder parser)
    {
        var record = ModelHashPath(parser);
        if (IsFinished(parser))
        {
            var hash = FileHash(parser.ModelPath);
            if (!File.Exists(record) || File.ReadAllText(record).Trim() != hash) AtomicFile.WriteAllText(record, hash + "\n");
            return hash;
        }
        return File.Exists(record) ? File.ReadAllText(record).Trim() : null;
    }

    /// <summary>Whether a parse file is complete (its sidecar says the input was read to the end).</summary>
    public static bool IsComplete(string parsePath) =>
        File.Exists(parsePath) && File.Exists(CorpusParseProgress.PathFor(parsePath))
        && JsonFiles.Load<CorpusParseProgress>(CorpusParseProgress.PathFor(parsePath)).InputExhausted;

    /// <summary>The finished parses of <paramref name="sources"/>, in order; throws naming the command when one is missing.</summary>
    public static IReadOnlyList<string> Require(IReadOnlyList<string> sources, string dataRoot, string cacheDirectory, ParserConfig? recipe = null)
    {
        var parser = ParserFolderIn(cacheDirectory, dataRoot, recipe);
        if (ModelHash(parser) is null)
            throw new FileNotFoundException($"No finished silver-tree parser at {parser.Root}. Build it and the parses with `{BuildCommand} --sources {string.Join(',', sources)}` (about 2 h on one thread, resumable).");
        return [.. sources.Select(source =>
        {
            var path = ParsePath(cacheDirectory, source, dataRoot, parser);
            return IsComplete(path) ? path
                : throw new FileNotFoundException($"The silver parse of '{source}' ({path}) is missing or unfinished. Build it with `{BuildCommand} --sources {source}` (resumable).");
        })];
    }

    /// <summary>Trains the parser if needed, then parses each source that is not parsed yet; returns the parse files.</summary>
    public static IReadOnlyList<string> Build(IReadOnlyList<string> sources, string dataRoot, string cacheDirectory, int threads,
        Action<string>? log = null, Action<ParserTrainer>? watchTraining = null, Action<CorpusParser>? watchParsing = null,
        CancellationToken cancellation = default, ParserConfig? recipe = null)
    {
        recipe ??= DefaultParser;
        var folder = ParserFolderIn(cacheDirectory, dataRoot, recipe);
        var state = File.Exists(folder.StatePath) ? JsonFiles.Load<ParserTrainingState>(folder.StatePath) : null;
        if (state is not { Stopped: true })
        {
            log?.Invoke($"Training the parser into {folder.Root} ({(state is null ? "new" : $"resuming after epoch {state.EpochsDone}")}) …");
            var train = ConlluReader.Read(Path.Combine(dataRoot, recipe.Train)).ToList();
            var dev = ConlluReader.Read(Path.Combine(dataRoot, recipe.Dev)).ToList();
            var trainer = new ParserTrainer(recipe with { Threads = threads }, folder.Root, train, dev);
            watchTraining?.Invoke(trainer);
            state = trainer.Run(resume: state is not null, cancellation);
            if (!state.Stopped) throw new OperationCanceledException("Parser training was interrupted; run the same command again to resume.");
            log?.Invoke($"Parser: best epoch {state.BestEpoch}, dev UAS {100 * state.BestDevUas:F2} LAS {100 * state.BestDevLas:F2}.");
        }
        var paths = new List<string>();
        using var parser = DependencyParser.Load(folder.Root);
        foreach (var source in sources)
        {
            var path = ParsePath(cacheDirectory, source, dataRoot, folder);
            paths.Add(path);
            if (IsComplete(path)) { log?.Invoke($"{source}: parsed already ({path})."); continue; }
            log?.Invoke($"Parsing {source} into {path} …");
            var corpus = new CorpusParser(parser, new CorpusParseOptions($"corpus:{source}", path),
                () => ParagraphSentences.Read(CorpusSources.Open(source, dataRoot).ReadParagraphs()));
            watchParsing?.Invoke(corpus);
            var result = corpus.Run(cancellation);
            if (!result.Progress.InputExhausted) throw new OperationCanceledException($"Parsing {source} was interrupted; run the same command again to resume.");
            log?.Invoke($"{source}: {result.Progress.SentencesWritten:N0} sentences, {result.Progress.WordsWritten:N0} words.");
        }
        return paths;
    }

    /// <summary>A short hash of the parse files' identities (their keys are in their names), for the corpus cache and config.json.</summary>
    public static string KeyOf(IReadOnlyList<string> parsePaths) => TokenCorpus.KeyOf([.. parsePaths.Select(Path.GetFileName)!]);

    /// <summary>The recipe (threads aside: they change no result beyond rounding) and the contents of its treebanks.</summary>
    private static string ParserKey(string dataRoot, ParserConfig recipe) =>
        TokenCorpus.KeyOf(JsonSerializer.Serialize(recipe with { Threads = DefaultParser.Threads }, JsonFiles.Options),
            FileHash(Path.Combine(dataRoot, recipe.Train)), FileHash(Path.Combine(dataRoot, recipe.Dev)));

    private static string ParseKey(string source, string dataRoot, string modelHash) =>
        TokenCorpus.KeyOf([.. CorpusSources.Files(source, dataRoot).Select(f => f.Length.ToString(CultureInfo.InvariantCulture)), modelHash, ParseFormat]);

    /// <summary>Upper-case hex, as the parser keys of the cache were made with.</summary>
    private static string FileHash(string path) =>
        File.Exists(path) ? FileChecksum.Sha256(path).ToUpperInvariant() : throw new FileNotFoundException($"{path} does not exist.");

    private static string SafeName(string source) =>
        new([.. Path.GetFileNameWithoutExtension(source.TrimEnd('/', '\\')).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
