using SuddenDrops.Data;

namespace SuddenDrops.Experiments;

/// <summary>
/// Turns the corpus names of a <see cref="Training.CorpusConfig"/> into paragraph streams:
/// "wikipedia" is the WikiExtractor extract, "gutenberg" the book folder, anything else a path to a file
/// (WikiExtractor output when it starts with &lt;doc, plain text otherwise) or a folder of .txt files.
/// </summary>
public static class CorpusSources
{
    public const string Wikipedia = "wikipedia";
    public const string Gutenberg = "gutenberg";

    public static TextSource Open(string source, string dataRoot)
    {
        switch (source.ToLowerInvariant())
        {
            case Wikipedia:
                return new WikiExtractorSource(Require(Path.Combine(dataRoot, "text", "enwiki-extract.txt.gz"), source));
            case Gutenberg:
                return GutenbergSource.FromFolder(Require(Path.Combine(dataRoot, "text", "gutenberg"), source));
        }
        var path = Path.GetFullPath(source);
        if (Directory.Exists(path)) return GutenbergSource.FromFolder(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Corpus '{source}' is neither a known data set ({Wikipedia}, {Gutenberg}) nor an existing file or folder ({path}).");
        using (var reader = TextFile.OpenText(path))
        {
            var first = reader.ReadLine();
            if (first is not null && first.TrimStart().StartsWith("<doc", StringComparison.Ordinal)) return new WikiExtractorSource(path);
        }
        return new GutenbergSource([path]);
    }

    /// <summary>The files a source reads, in ordinal order of their paths.</summary>
    public static IReadOnlyList<FileInfo> Files(string source, string dataRoot)
    {
        var text = Open(source, dataRoot);
        IEnumerable<string> files = text switch
        {
            WikiExtractorSource w => [w.Name],
            GutenbergSource g => g.Files,
            _ => [text.Name],
        };
        return [.. files.Order(StringComparer.Ordinal).Select(f => new FileInfo(f))];
    }

    /// <summary>
    /// The files a source reads, for the corpus cache key: each file's name, size and SHA-256 of its bytes (a few tenths of a
    /// second for the shared corpora). Not its folder or modification time: the shared data folder is provisioned anew on
    /// each machine, with new times and the same bytes, and the tokenised corpus built there must be found again.
    /// </summary>
    public static IEnumerable<string> Fingerprint(string source, string dataRoot) =>
        Files(source, dataRoot).Select(f => $"{f.Name}|{f.Length}|{FileChecksum.Sha256(f.FullName)}");

    private static string Require(string path, string name) =>
        File.Exists(path) || Directory.Exists(path) ? path
            : throw new FileNotFoundException($"Corpus '{name}' was looked for at {path}, which does not exist. Run `sdrops data check` to see the data root, or `sdrops data fetch`.");
}
