namespace SuddenDrops.Text;

/// <summary>
/// Cuts a WordPiece vocabulary down for small models: keeps the five special pieces, the single-character
/// pieces (with their <c>##</c> forms, see <see cref="CharacterCoverage"/>) so that WordPiece's greedy
/// longest match can always fall back to characters, and the N most frequent other pieces of a training corpus.
/// </summary>
public static class VocabularyPruner
{
    /// <summary>How often each piece of <paramref name="encoder"/>'s vocabulary occurs in the encoded texts (index = id).</summary>
    public static long[] CountPieces(WordPieceEncoder encoder, IEnumerable<string> texts)
    {
        var counts = new long[encoder.Vocabulary.Count];
        var ids = new List<int>();
        foreach (var text in texts)
        {
            ids.Clear();
            encoder.Encode(text, ids);
            foreach (var id in ids) counts[id]++;
        }
        return counts;
    }

    /// <summary>Counts the pieces of <paramref name="texts"/> and prunes (see the other overload).</summary>
    public static PrunedVocabulary Prune(
        WordPieceEncoder encoder,
        IEnumerable<string> texts,
        int mostFrequent,
        CharacterCoverage coverage = CharacterCoverage.AllVocabularyCharacters)
        => Prune(encoder.Vocabulary, CountPieces(encoder, texts), mostFrequent, coverage);

    /// <summary>
    /// Keeps the specials, the character pieces chosen by <paramref name="coverage"/>, and the
    /// <paramref name="mostFrequent"/> most frequent remaining pieces with a count above zero
    /// (ties broken by lower original id; fewer when the corpus has fewer). So the pruned size is
    /// 5 + character pieces + min(<paramref name="mostFrequent"/>, other pieces seen).
    /// </summary>
    /// <param name="original">The vocabulary the counts index.</param>
    /// <param name="counts">Corpus count per original id (from <see cref="CountPieces"/>).</param>
    /// <param name="mostFrequent">How many multi-character pieces to keep (≥ 0).</param>
    /// <param name="coverage">Which single-character pieces to keep.</param>
    public static PrunedVocabulary Prune(
        WordPieceVocabulary original,
        long[] counts,
        int mostFrequent,
        CharacterCoverage coverage = CharacterCoverage.AllVocabularyCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mostFrequent);
        if (counts.Length != original.Count)
            throw new ArgumentException($"{counts.Length} counts for {original.Count} pieces of {original.Source}.", nameof(counts));

        var keep = new bool[original.Count];
        foreach (var id in original.SpecialIds) keep[id] = true;
        KeepCharacterPieces(original, counts, coverage, keep);
        KeepMostFrequent(original, counts, mostFrequent, keep);

        var newToOld = Enumerable.Range(0, original.Count).Where(id => keep[id]).ToArray();
        var pruned = WordPieceVocabulary.FromPieces(newToOld.Select(id => original[id]), $"{original.Source} pruned to {newToOld.Length}");
        var oldToNew = new int[original.Count][];
        for (var id = 0; id < original.Count; id++)
            oldToNew[id] = pruned.TryGetId(original[id], out var kept) ? [kept] : SplitDroppedPiece(original[id], pruned);
        return new PrunedVocabulary(original, pruned, newToOld, oldToNew, counts);
    }

    /// <summary>The character of a single-character piece ("a" or "##a"), or null for any other piece.</summary>
    public static string? CharacterOf(string piece)
    {
        var body = piece.StartsWith(WordPieceVocabulary.ContinuationPrefix, StringComparison.Ordinal)
            ? piece[WordPieceVocabulary.ContinuationPrefix.Length..]
            : piece;
        return body.Length == 1 || (body.Length == 2 && char.IsSurrogatePair(body[0], body[1])) ? body : null;
    }

    private static void KeepCharacterPieces(WordPieceVocabulary original, long[] counts, CharacterCoverage coverage, bool[] keep)
    {
        var wanted = coverage == CharacterCoverage.AllVocabularyCharacters ? null : CorpusCharacters(original, counts);
        for (var id = 0; id < original.Count; id++)
        {
            if (original.IsSpecial(id)) continue;
            var character = CharacterOf(original[id]);
            if (character is not null && (wanted is null || wanted.Contains(character))) keep[id] = true;
        }
    }

    /// <summary>The characters (as strings, surrogate pairs kept together) of all pieces the corpus used.</summary>
    private static HashSet<string> CorpusCharacters(WordPieceVocabulary original, long[] counts)
    {
        var characters = new HashSet<string>(StringComparer.Ordinal);
        for (var id = 0; id < original.Count; id++)
        {
            if (counts[id] == 0 || original.IsSpecial(id)) continue;
            var piece = original[id];
            var body = piece.StartsWith(WordPieceVocabulary.ContinuationPrefix, StringComparison.Ordinal)
                ? piece[WordPieceVocabulary.ContinuationPrefix.Length..]
                : piece;
            for (var i = 0; i < body.Length; i++)
            {
                var width = char.IsSurrogatePair(body, i) ? 2 : 1;
                characters.Add(body.Substring(i, width));
                i += width - 1;
            }
        }
        return characters;
    }

    private static void KeepMostFrequent(WordPieceVocabulary original, long[] counts, int mostFrequent, bool[] keep)
    {
        var candidates = Enumerable.Range(0, original.Count)
            .Where(id => !keep[id] && counts[id] > 0 && CharacterOf(original[id]) is null)
            .OrderByDescending(id => counts[id])
            .ThenBy(id => id)
            .Take(mostFrequent);
        foreach (var id in candidates) keep[id] = true;
    }

    /// <summary>
    /// Greedy longest-match WordPiece (Wu et al. 2016; BERT's <c>WordpieceTokenizer</c>) of a dropped piece's text
    /// over the pruned vocabulary, starting as a continuation when the piece starts with <c>##</c>.
    /// [UNK] when some position has no match, as WordPiece does for a whole word.
    /// </summary>
    internal static int[] SplitDroppedPiece(string piece, WordPieceVocabulary pruned)
    {
        if (piece.Length > 2 && piece[0] == '[' && piece[^1] == ']') return [pruned.Unknown];
        var continuation = piece.StartsWith(WordPieceVocabulary.ContinuationPrefix, StringComparison.Ordinal);
        var text = continuation ? piece[WordPieceVocabulary.ContinuationPrefix.Length..] : piece;
        var ids = new List<int>();
        var start = 0;
        while (start < text.Length)
        {
            var match = -1;
            var end = text.Length;
            for (; end > start; end--)
            {
                var candidate = text[start..end];
                if (pruned.TryGetId(continuation ? WordPieceVocabulary.ContinuationPrefix + candidate : candidate, out match)) break;
            }
            if (end == start) return [pruned.Unknown];
            ids.Add(match);
            start = end;
            continuation = true;
        }
        return ids.Count == 0 ? [pruned.Unknown] : [.. ids];
    }
}
