using SuddenDrops.Tests.Notebooks;

namespace SuddenDrops.Tests.Runs;

/// <summary>The run folders committed under data/runs.</summary>
internal static class CommittedRuns
{
    /// <summary>The GPU runs: the small preset (reference settings) and the tiny-preset search.</summary>
    public static string Gpu => Path.Combine(RepositoryLayout.Root, "data", "runs", "gpu-h200-2026-11-26");

    /// <summary>The tiny preset trained on 2 CPU cores, with its last checkpoint.</summary>
    public static string CpuTiny => Path.Combine(RepositoryLayout.Root, "data", "runs", "cpu-tiny", "tiny-s0");
}
