using System.Text.Json.Serialization;

namespace SuddenDrops.Training;

/// <summary>Which raw text a run trains on and how it is tokenised.</summary>
/// <param name="Sources">Data-set names ("wikipedia", "gutenberg") or paths to text files (.txt, .gz, WikiExtractor output).</param>
/// <param name="PrunedVocabulary">Keep only this many most frequent pieces (plus characters and specials); null keeps all 30,522.</param>
/// <param name="HeldOutEvery">Every n-th paragraph goes to the held-out stream (100: 1%).</param>
/// <param name="MinParagraphWords">Shorter paragraphs (headings, list debris) are dropped.</param>
/// <param name="Parsed">Train on the sources' silver parses (<c>Experiments.SilverCorpus</c>) instead of their raw text: the same
/// paragraphs, each sentence as the parser tokenised it, and every piece stream carries its dependency edges
/// (<see cref="TokenCorpus.TrainHeads"/>). Left out of config.json when false.</param>
/// <param name="ParsedKey">Set by corpus preparation when <see cref="Parsed"/>: a hash of the parse files (their names carry the
/// parser's and the sources' hashes), so config.json says which silver trees a run saw and a resume with other trees is refused.</param>
public sealed record CorpusConfig(
    IReadOnlyList<string> Sources,
    int? PrunedVocabulary = null,
    int HeldOutEvery = 100,
    int MinParagraphWords = 5,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Parsed = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParsedKey = null);
