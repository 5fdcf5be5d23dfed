using SuddenDrops.Data;
using System.Text.Json;

namespace SuddenDrops.Metrics;

/// <summary>
/// The Syntactic Attention Structure measurement of one model on one treebank (Chen et al. 2024, §2.1):
/// the implicit parse read off each attention head, scored as unlabelled attachment score.
/// JSON: camelCase property names, directions as "dep2head"/"head2dep", layers and heads 0-based.
/// </summary>
/// <param name="Layers">L of the model.</param>
/// <param name="Heads">H per layer.</param>
/// <param name="SentencesUsed">Sentences scored.</param>
/// <param name="SentencesSkipped">Sentences left out (e.g. longer than the model's context); not in any count.</param>
/// <param name="Words">All words scored, root words and punctuation included.</param>
/// <param name="NonRootWords">Words with a gold head.</param>
/// <param name="MinRelationWords">Threshold for <paramref name="PerRelation"/>.</param>
/// <param name="Headline">Best head over all words.</param>
/// <param name="PerRelation">Best head per relation with at least <paramref name="MinRelationWords"/> words:
/// first the relations with subtype, then the base relations, each by word count, most first.</param>
/// <param name="Table">Every (layer, head, direction), ordered by layer, head, then dep2head before head2dep.</param>
/// <param name="OffsetBaselines">Fixed-offset parsers k = −3…+2 on the same words.</param>
/// <param name="BestOffset">The best of <paramref name="OffsetBaselines"/>.</param>
public sealed record UasReport(
    int Layers,
    int Heads,
    int SentencesUsed,
    int SentencesSkipped,
    long Words,
    long NonRootWords,
    int MinRelationWords,
    UasHeadline Headline,
    IReadOnlyList<RelationUas> PerRelation,
    IReadOnlyList<HeadScore> Table,
    IReadOnlyList<OffsetBaselineScore> OffsetBaselines,
    OffsetBaselineScore BestOffset)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static UasReport FromJson(string json) =>
        JsonSerializer.Deserialize<UasReport>(json, JsonOptions)
        ?? throw new JsonException("UAS report JSON is null.");

    /// <summary>Writes the JSON atomically: to a temporary file in the same folder, then renamed over <paramref name="path"/>.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    public static UasReport Load(string path)
    {
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (JsonException error)
        {
            throw new JsonException($"{path}: not a UAS report ({error.Message})", error);
        }
    }
}
