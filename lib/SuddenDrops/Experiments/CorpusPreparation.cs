using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// Builds (or loads from the cache) the vocabulary and token streams of a corpus configuration:
/// bert-base-uncased's vocabulary, optionally pruned to the corpus's most frequent pieces
/// (<see cref="VocabularyPruner"/>), then every paragraph encoded with it.
/// </summary>
public static class CorpusPreparation
{
    public const string BaseVocabularyFile = "vocab/bert-base-uncased-vocab.txt";

    /// <summary>Default cache folder: $SUDDENDROPS_CACHE, else ~/.cache/suddendrops.</summary>
    public static string DefaultCacheDirectory =>
        Environment.GetEnvironmentVariable("SUDDENDROPS_CACHE") is { Length: > 0 } env ? env
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "suddendrops");

    /// <param name="parser">The silver trees' parser recipe when <see cref="CorpusConfig.Parsed"/> (default: <see cref="SilverCorpus.DefaultParser"/>).</param>
    public static PreparedCorpus Prepare(CorpusConfig config, string dataRoot, string? cacheDirectory = null, Action<string>? log = null,
        Parsing.ParserConfig? parser = null)
    {
        cacheDirectory ??= DefaultCacheDirectory;
        var basePath = Path.Combine(dataRoot, BaseVocabularyFile);
        if (!File.Exists(basePath))
            throw new FileNotFoundException($"The bert-base-uncased vocabulary was looked for at {basePath}, which does not exist (run `sdrops data check`).");
        var baseVocabulary = WordPieceVocabulary.Load(basePath);
        var fingerprint = config.Sources.SelectMany(s => CorpusSources.Fingerprint(s, dataRoot)).ToArray();
        var vocabKey = TokenCorpus.KeyOf([.. fingerprint, File.ReadAllText(basePath), $"prune={config.PrunedVocabulary}", "coverage=all-v1"]);

        var vocabulary = baseVocabulary;
        if (config.PrunedVocabulary is int n)
        {
            var cachedVocab = Path.Combine(cacheDirectory, $"vocab-{vocabKey}.txt");
            if (File.Exists(cachedVocab))
            {
                vocabulary = WordPieceVocabulary.Load(cachedVocab);
            }
            else
            {
                log?.Invoke($"Counting pieces to prune the vocabulary to the {n:N0} most frequent (plus characters) …");
                var pruned = VocabularyPruner.Prune(new WordPieceEncoder(baseVocabulary), Paragraphs(config, dataRoot), n);
                Directory.CreateDirectory(cacheDirectory);
                pruned.Save(cachedVocab);
                vocabulary = pruned.Vocabulary;
            }
        }

        var parses = config.Parsed ? SilverCorpus.Require(config.Sources, dataRoot, cacheDirectory, parser) : null;
        var parsedKey = parses is null ? null : SilverCorpus.KeyOf(parses);
        if (config.ParsedKey is { } expected && expected != parsedKey)
            throw new InvalidOperationException($"The run was made on silver trees {expected}, but the cache now holds {parsedKey ?? "none"}: "
                + "the parser or the text changed. Train a new run, or restore the cache it was made with.");
        string[] corpusParts = [vocabKey, string.Join("\n", vocabulary.Pieces), $"heldOutEvery={config.HeldOutEvery}", $"minWords={config.MinParagraphWords}"];
        var corpusKey = TokenCorpus.KeyOf(parsedKey is null ? corpusParts : [.. corpusParts, $"parsed={parsedKey}"]);
        var cachePath = Path.Combine(cacheDirectory, $"corpus-{corpusKey}.bin");
        var corpus = TokenCorpus.TryLoad(cachePath, corpusKey);
        if (corpus is null)
        {
            var encoder = new WordPieceEncoder(vocabulary);
            if (parses is null)
            {
                log?.Invoke($"Tokenising {string.Join(" + ", config.Sources)} with {vocabulary.Count:N0} pieces (cached afterwards in {cachePath}) …");
                corpus = TokenCorpus.Build(Paragraphs(config, dataRoot), encoder.Encode, vocabulary.Sep, corpusKey, config.HeldOutEvery, config.MinParagraphWords);
            }
            else
            {
                log?.Invoke($"Building the corpus from the silver trees of {string.Join(" + ", config.Sources)} with {vocabulary.Count:N0} pieces (cached afterwards in {cachePath}) …");
                // Paragraph ids restart in each source's parse, so they are prefixed with the source's index.
                var sentences = parses.SelectMany((path, k) => Data.ConlluReader.Read(path).Select(s => s with { Id = $"{k}:{s.Id}" }));
                corpus = TokenCorpus.BuildParsed(sentences, ParagraphOfPrefixed, encoder, vocabulary.Sep, corpusKey,
                    config.HeldOutEvery, config.MinParagraphWords);
            }
            corpus.Save(cachePath);
        }
        return new PreparedCorpus(vocabulary, corpus, parsedKey);
    }

    private static string ParagraphOfPrefixed(string id)
    {
        var colon = id.IndexOf(':');
        return id[..(colon + 1)] + Parsing.ParagraphSentences.ParagraphOf(id[(colon + 1)..]);
    }

    private static IEnumerable<string> Paragraphs(CorpusConfig config, string dataRoot) =>
        config.Sources.SelectMany(s => CorpusSources.Open(s, dataRoot).ReadParagraphs());
}
