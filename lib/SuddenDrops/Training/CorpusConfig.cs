namespace SuddenDrops.Training;

/// <summary>Which raw text a run trains on and how it is tokenised.</summary>
/// <param name="Sources">Data-set names ("wikipedia", "gutenberg") or paths to text files (.txt, .gz, WikiExtractor output).</param>
/// <param name="PrunedVocabulary">Keep only this many most frequent pieces (plus characters and specials); null keeps all 30,522.</param>
/// <param name="HeldOutEvery">Every n-th paragraph goes to the held-out stream (100: 1%).</param>
/// <param name="MinParagraphWords">Shorter paragraphs (headings, list debris) are dropped.</param>
public sealed record CorpusConfig(
    IReadOnlyList<string> Sources,
    int? PrunedVocabulary = null,
    int HeldOutEvery = 100,
    int MinParagraphWords = 5);
