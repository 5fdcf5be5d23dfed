using SuddenDrops.Tests.Notebooks;

namespace SuddenDrops.Tests.Fixtures;

/// <summary>The run folders committed under data/runs: the one place the tests locate them.</summary>
internal static class CommittedRuns
{
    /// <summary>data/runs itself.</summary>
    public static string Root => Path.Combine(RepositoryLayout.Root, "data", "runs");

    /// <summary>The GPU runs: the small preset (reference settings) and the tiny-preset search.</summary>
    public static string Gpu => Path.Combine(Root, "gpu-h200-2026-11-26");

    /// <summary>The tiny preset trained on 2 CPU cores, with its last checkpoint.</summary>
    public static string CpuTiny => Path.Combine(Root, "cpu-tiny", "tiny-s0");

    /// <summary>The SAS sweep at |λ| = 0.01 (base, SAS+, SAS−, SAS−(2000); 8,000 steps).</summary>
    public static string TinySas => Path.Combine(Root, "tiny-sas");

    /// <summary>The SAS sweep at |λ| = 0.001 (SAS+, SAS−, SAS−(k), three seeds each; no base runs).</summary>
    public static string TinySasWeak => Path.Combine(Root, "tiny-sas-l0.001");

    /// <summary>The long-horizon sweep (base and SAS−(k), 16,000 steps; no GLUE reports).</summary>
    public static string TinySas16k => Path.Combine(Root, "tiny-sas-16k");

    /// <summary>The second scale on this CPU: the <c>small-cpu</c> preset's seed 0 (issue 17's candidate <c>s-64</c>).</summary>
    public static string SmallCpu => Path.Combine(Root, "cpu-scale", "s-64-s0");

    /// <summary>The run <paramref name="name"/> of the GPU runs (<see cref="Gpu"/>).</summary>
    public static string GpuRun(string name) => Path.Combine(Gpu, name);
}
