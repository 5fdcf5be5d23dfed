namespace SuddenDrops.Data;

/// <summary>
/// One sentence of a dependency treebank, reduced to what the experiments need:
/// its syntactic words (multiword-token surface lines and empty nodes already resolved),
/// the gold head of each word and the relation to it.
/// </summary>
/// <param name="Id">The <c># sent_id</c> of the sentence, or "file:line" of its first line when none is given.</param>
/// <param name="Words">Word forms, in order; word i (0-based) is CoNLL-U ID i + 1.</param>
/// <param name="Heads">Gold head of each word as a 1-based word index; 0 marks the root.</param>
/// <param name="Relations">UD relation of each word to its head, with subtype (e.g. "nsubj:pass").</param>
/// <param name="UPos">Universal part-of-speech tag of each word.</param>
public sealed record DependencySentence(
    string Id,
    IReadOnlyList<string> Words,
    IReadOnlyList<int> Heads,
    IReadOnlyList<string> Relations,
    IReadOnlyList<string> UPos)
{
    public int Count => Words.Count;

    /// <summary>The relation without its subtype: "nsubj:pass" gives "nsubj".</summary>
    public static string BaseRelation(string relation)
    {
        var colon = relation.IndexOf(':');
        return colon < 0 ? relation : relation[..colon];
    }
}
