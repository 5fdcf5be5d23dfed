using System.Text.Json;
using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// The paper's causal experiment as a grid (Chen et al. 2024, §4): every regulariser variant (base, SAS+, SAS−, SAS−(k))
/// with every seed, on one preset, each in its own run folder. Finished runs are skipped, unfinished ones resumed.
/// </summary>
public static class Sweep
{
    /// <summary>Folder name of a run: "&lt;variant&gt;-s&lt;seed&gt;", e.g. "sas-@3000-s1".</summary>
    public static string FolderName(SasVariant variant, int seed) => $"{variant}-s{seed}";

    /// <summary>The runs of the grid, variants outermost, with <paramref name="regularizer"/>'s magnitude, share and treebank.</summary>
    public static IReadOnlyList<SweepRun> Plan(TrainingConfig preset, IReadOnlyList<SasVariant> variants, IReadOnlyList<int> seeds,
        RegularizerConfig regularizer, string outDirectory)
    {
        if (variants.Count == 0 || seeds.Count == 0) throw new ArgumentException("A sweep needs at least one variant and one seed.");
        if (seeds.Distinct().Count() != seeds.Count) throw new ArgumentException($"Seeds repeat: {string.Join(",", seeds)}.");
        return [.. from variant in variants
                   from seed in seeds
                   select new SweepRun(variant, seed,
                       (preset with { Seed = seed, Regularizer = regularizer with { Variant = variant } }).Validate(),
                       Path.Combine(Path.GetFullPath(outDirectory), FolderName(variant, seed)))];
    }

    /// <summary>
    /// Whether the run is done, half done or not begun. A folder whose <c>config.json</c> differs from the planned
    /// configuration (the vocabulary size aside, which preparation sets) belongs to another experiment: that throws.
    /// </summary>
    public static SweepRunState StateOf(SweepRun run)
    {
        var config = Path.Combine(run.Folder, "config.json");
        if (File.Exists(config))
        {
            var saved = JsonFiles.Load<TrainingConfig>(config);
            var planned = run.Config with { Model = run.Config.Model with { VocabSize = saved.Model.VocabSize } };
            if (JsonSerializer.Serialize(saved, JsonFiles.Options) != JsonSerializer.Serialize(planned, JsonFiles.Options))
                throw new InvalidOperationException($"{config} was written for other settings than this sweep's {run.Name}; choose another --out folder.");
        }
        var checkpoints = Path.Combine(run.Folder, "checkpoints");
        if (!Directory.Exists(checkpoints)) return SweepRunState.NotStarted;
        var steps = new CheckpointStore(checkpoints).Steps();
        return steps.Count == 0 ? SweepRunState.NotStarted
            : steps.Contains(run.Config.Steps) ? SweepRunState.Finished
            : SweepRunState.Unfinished;
    }
}
