using SuddenDrops.Training;
namespace SuddenDrops.Runs;

/// <summary>
/// The runs of one experiment: every run folder (a folder with <c>metrics.csv</c>) directly inside a folder, in name order,
/// e.g. a sweep's output <c>data/runs/tiny-sas/{base-s1, sas+-s1, sas--s1, sas-@2000-s1}</c>. A folder that is itself a
/// run folder gives a set of that one run.
/// </summary>
public sealed class RunSet
{
    private RunSet(string folder, IReadOnlyList<RecordedRun> runs)
    {
        Folder = folder;
        Runs = runs;
    }

    /// <summary>Full path of the folder the runs were read from (empty for a set made with <see cref="Of"/>).</summary>
    public string Folder { get; }

    /// <summary>The runs, by folder name.</summary>
    public IReadOnlyList<RecordedRun> Runs { get; }

    /// <summary>Number of runs.</summary>
    public int Count => Runs.Count;

    /// <summary>Whether the folder held no run.</summary>
    public bool IsEmpty => Runs.Count == 0;

    /// <summary>The run named <paramref name="name"/> (folder name), or null.</summary>
    public RecordedRun? this[string name] => Runs.FirstOrDefault(r => r.Name == name);

    /// <summary>
    /// Reads the run folders inside <paramref name="folder"/> (or <paramref name="folder"/> itself when it is one).
    /// A folder that does not exist gives an empty set, so callers can say plainly that no run is there yet.
    /// </summary>
    public static RunSet Load(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full)) return new RunSet(full, []);
        if (RunFolder.IsRun(full)) return new RunSet(full, [RecordedRun.Load(full)]);
        var runs = Directory.GetDirectories(full)
            .Where(RunFolder.IsRun)
            .Order(StringComparer.Ordinal)
            .Select(RecordedRun.Load)
            .ToList();
        return new RunSet(full, runs);
    }

    /// <summary>A set of runs loaded elsewhere (e.g. from several folders).</summary>
    public static RunSet Of(IEnumerable<RecordedRun> runs) => new("", [.. runs]);

    /// <summary>The runs whose folder name is in <paramref name="names"/>, in the order given; unknown names are left out.</summary>
    public RunSet Select(params string[] names) =>
        new(Folder, [.. names.Select(n => this[n]).OfType<RecordedRun>()]);

    /// <summary>The runs for which <paramref name="keep"/> holds.</summary>
    public RunSet Where(Func<RecordedRun, bool> keep) => new(Folder, [.. Runs.Where(keep)]);

    /// <summary>The runs of one paper variant (all seeds), by seed.</summary>
    public IReadOnlyList<RecordedRun> OfVariant(SasVariant variant) =>
        [.. Runs.Where(r => r.SasVariant == variant).OrderBy(r => r.Seed)];

    /// <summary>The SAS−(k) variants present, by k.</summary>
    public IReadOnlyList<SasVariant> ReleaseVariants =>
        [.. Runs.Select(r => r.SasVariant).OfType<SasVariant>().Where(v => v.Kind == SasVariantKind.SasMinusReleased).Distinct().OrderBy(v => v.ReleaseStep)];

    /// <summary>"seed 1" or "seeds 1, 2, 3" for runs of one variant ("N run(s)" when no seed is known).</summary>
    public static string DescribeSeeds(IReadOnlyList<RecordedRun> runs)
    {
        var seeds = runs.Select(r => r.Seed).OfType<int>().Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return seeds.Count == 0 ? $"{runs.Count} run(s)" : (seeds.Count == 1 ? "seed " : "seeds ") + string.Join(", ", seeds);
    }

    public override string ToString() =>
        $"{Count} run(s) in {Folder}: {string.Join(", ", Runs.Select(r => r.Name))}";
}
