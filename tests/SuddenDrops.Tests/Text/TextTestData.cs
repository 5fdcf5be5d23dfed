namespace SuddenDrops.Tests.Text;

/// <summary>Paths to the shared data (../shared/data next to the folder holding Notebooks.sln) used by the Text tests.</summary>
internal static class TextTestData
{
    private static readonly Lazy<string> SharedDataFolder = new(FindSharedData);
    private static readonly Lazy<SuddenDrops.Text.WordPieceEncoder> BertUncased =
        new(() => SuddenDrops.Text.WordPieceEncoder.Load(BertUncasedVocabulary));

    public static string SharedData => SharedDataFolder.Value;

    public static string BertUncasedVocabulary => Path.Combine(SharedData, "vocab", "bert-base-uncased-vocab.txt");

    /// <summary>One encoder over the real bert-base-uncased vocabulary, shared by the tests (it is immutable).</summary>
    public static SuddenDrops.Text.WordPieceEncoder Encoder => BertUncased.Value;

    private static string FindSharedData()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Notebooks.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "data"));
                return Directory.Exists(shared)
                    ? shared
                    : throw new DirectoryNotFoundException($"Shared data folder {shared} (next to the project root {folder.FullName}) does not exist.");
            }
        }
        throw new DirectoryNotFoundException($"No folder holding Notebooks.sln above {AppContext.BaseDirectory}.");
    }
}
