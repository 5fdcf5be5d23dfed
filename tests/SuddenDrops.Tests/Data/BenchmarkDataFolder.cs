namespace SuddenDrops.Tests.Data;

/// <summary>
/// The BLiMP and GLUE folders of the shared, read-only data (<see cref="SharedData"/>). Tests fail, never skip, when it is missing.
/// </summary>
internal static class BenchmarkDataFolder
{
    /// <summary>The shared data folder.</summary>
    public static string Path => SharedData.Root;

    public static string Blimp => System.IO.Path.Combine(Path, "blimp", "data");

    public static string Glue => System.IO.Path.Combine(Path, "glue");
}
