namespace SuddenDrops.Runs;

/// <summary>
/// The independent Hugging Face run beside the data (<c>../shared/reference/</c>: <c>BertForMaskedLM</c>, 4 layers × 256
/// wide × 4 heads, the full 30,522-piece vocabulary, rows of 128, batch 128, seed 0; its README gives every setting): one
/// checkpoint table with our metrics.csv's column names, read as a <see cref="RecordedRun"/> so that figures can draw it
/// beside our runs. It is there to compare against, never to fit to.
/// </summary>
public static class ReferenceRun
{
    /// <summary>The reference's folder, a sibling of the data root.</summary>
    public const string FolderName = "reference";

    /// <summary>Its checkpoint table.</summary>
    public const string FileName = "pytorch-h200-4x256x4-wiki.csv";

    /// <summary>How figures and tables name it.</summary>
    public const string Label = "HF reference (4 × 256, T 128)";

    /// <summary>The seed it was trained with (its README).</summary>
    public const int Seed = 0;

    /// <summary>Pairs per paradigm of its BLiMP column (its README: a fixed sample of 20 pairs from each of the 67 paradigms).</summary>
    public const int BlimpPerParadigm = 20;

    /// <summary>Where the table lies for the data root <paramref name="dataRoot"/> (e.g. <c>../shared/data</c>).</summary>
    public static string PathFor(string dataRoot) => Path.GetFullPath(Path.Combine(dataRoot, "..", FolderName, FileName));

    /// <summary>The reference run beside <paramref name="dataRoot"/>, or null where the data has no reference next to it.</summary>
    public static RecordedRun? TryLoad(string dataRoot) =>
        File.Exists(PathFor(dataRoot)) ? RecordedRun.LoadTable(PathFor(dataRoot), FolderName, Seed, BlimpPerParadigm) : null;
}
