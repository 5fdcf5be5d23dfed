using SuddenDrops.Data;

namespace SuddenDrops.Analysis;

/// <summary>A short, ordinary English treebank sentence to draw and to work UAS through by hand.</summary>
public static class ExampleSentence
{
    /// <summary>Relations that make a tree hard to read as an example (names, foreign words, lists, speech repairs).</summary>
    private static readonly HashSet<string> UnusualRelations = ["flat", "foreign", "goeswith", "list", "parataxis", "reparandum", "vocative", "dep", "orphan"];

    /// <summary>
    /// The first sentence of <paramref name="treebank"/> with <paramref name="minWords"/>…<paramref name="maxWords"/> words whose root
    /// is a verb with a subject and an object, with at most one punctuation mark, none of <see cref="UnusualRelations"/> and
    /// no word longer than 14 characters (so the figure stays readable).
    /// </summary>
    /// <exception cref="InvalidOperationException">No sentence fits.</exception>
    public static DependencySentence Pick(IEnumerable<DependencySentence> treebank, int minWords = 9, int maxWords = 13) =>
        treebank.FirstOrDefault(s => s.Count >= minWords && s.Count <= maxWords && IsOrdinary(s))
        ?? throw new InvalidOperationException($"No ordinary sentence with {minWords}–{maxWords} words (verb root with nsubj and obj) in the treebank.");

    private static bool IsOrdinary(DependencySentence sentence)
    {
        var root = Enumerable.Range(0, sentence.Count).FirstOrDefault(i => sentence.Heads[i] == 0, -1);
        if (root < 0 || sentence.UPos[root] != "VERB") return false;
        var rootDependents = Enumerable.Range(0, sentence.Count).Where(i => sentence.Heads[i] == root + 1)
            .Select(i => DependencySentence.BaseRelation(sentence.Relations[i])).ToHashSet();
        return rootDependents.Contains("nsubj") && rootDependents.Contains("obj")
               && sentence.UPos.Count(p => p == "PUNCT") <= 1
               && sentence.Relations.All(r => !UnusualRelations.Contains(DependencySentence.BaseRelation(r)))
               && sentence.Words.All(w => w.Length <= 14);
    }
}
