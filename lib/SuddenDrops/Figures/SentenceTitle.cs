namespace SuddenDrops.Figures;

/// <summary>Short names of treebank sentences for figure titles (EWT ids run to 70 characters).</summary>
internal static class SentenceTitle
{
    /// <summary>The id, shortened in the middle to at most <paramref name="length"/> characters.</summary>
    public static string ShortId(string id, int length = 36) =>
        id.Length <= length ? id : string.Concat(id.AsSpan(0, length / 2 - 1), "…", id.AsSpan(id.Length - (length / 2 - 1)));
}
