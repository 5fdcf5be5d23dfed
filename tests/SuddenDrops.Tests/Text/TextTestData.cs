namespace SuddenDrops.Tests.Text;

/// <summary>Paths into the shared data (<see cref="Fixtures.SharedData"/>) used by the Text tests.</summary>
internal static class TextTestData
{
    private static readonly Lazy<SuddenDrops.Text.WordPieceEncoder> BertUncased =
        new(() => SuddenDrops.Text.WordPieceEncoder.Load(BertUncasedVocabulary));

    public static string BertUncasedVocabulary => SharedData.PathOf("vocab/bert-base-uncased-vocab.txt");

    /// <summary>One encoder over the real bert-base-uncased vocabulary, shared by the tests (it is immutable).</summary>
    public static SuddenDrops.Text.WordPieceEncoder Encoder => BertUncased.Value;
}
