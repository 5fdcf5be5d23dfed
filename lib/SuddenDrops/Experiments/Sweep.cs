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

    /// <summary>
    /// The runs of the grid, variants outermost, with <paramref name="regularizer"/>'s magnitude, share and treebank. In the
    /// paper's design (edges of the training rows) the base run's |λ| is written as 0 whatever the sweep's λ: its batches do
    /// not depend on λ, so one base serves every λ and a base trained alone can be extended into a later sweep.
    /// </summary>
    public static IReadOnlyList<SweepRun> Plan(TrainingConfig preset, IReadOnlyList<SasVariant> variants, IReadOnlyList<int> seeds,
        RegularizerConfig regularizer, string outDirectory)
    {
        if (variants.Count == 0 || seeds.Count == 0) throw new ArgumentException("A sweep needs at least one variant and one seed.");
        if (seeds.Distinct().Count() != seeds.Count) throw new ArgumentException($"Seeds repeat: {string.Join(",", seeds)}.");
        return [.. from variant in variants
                   from seed in seeds
                   select new SweepRun(variant, seed,
                       (preset with { Seed = seed, Regularizer = For(variant, regularizer) }).Validate(),
                       Path.Combine(Path.GetFullPath(outDirectory), FolderName(variant, seed)))];
    }

    private static RegularizerConfig For(SasVariant variant, RegularizerConfig regularizer) =>
        variant.Kind == SasVariantKind.Baseline && regularizer.Edges == EdgeSource.TrainingRows
            ? regularizer with { Variant = variant, Magnitude = 0 }
            : regularizer with { Variant = variant };

    /// <summary>
    /// Whether the run is done, half done or not begun. A folder whose <c>config.json</c> differs from the planned
    /// configuration (the vocabulary size aside, which preparation sets) belongs to another experiment: that throws.
    /// </summary>
    public static SweepRunState StateOf(SweepRun run)
    {
        var folder = new RunFolder(run.Folder);
        if (folder.HasConfig)
        {
            var saved = folder.LoadConfig();
            var planned = run.Config with
            {
                Model = run.Config.Model with { VocabSize = saved.Model.VocabSize },
                Corpus = run.Config.Corpus with { ParsedKey = saved.Corpus.ParsedKey }, // set by preparation, checked there
            };
            if (JsonFiles.Differences(saved, planned) is { Count: > 0 } differences)
                throw new InvalidOperationException(
                    $"{folder.ConfigPath} was written for other settings than this sweep's {run.Name} ({string.Join("; ", differences)}); choose another --out folder.");
        }
        var steps = folder.Checkpoints.Steps();
        return steps.Count == 0 ? (folder.LastLoggedStep() >= run.Config.Steps ? SweepRunState.Finished : SweepRunState.NotStarted)
            : steps.Contains(run.Config.Steps) ? SweepRunState.Finished
            : SweepRunState.Unfinished;
    }

    /// <summary>
    /// The order to train the runs in: as planned, except that each SAS−(k) run comes after the SAS− run of its seed,
    /// so that it can fork from it (<see cref="ForkSource"/>).
    /// </summary>
    public static IReadOnlyList<SweepRun> TrainingOrder(IReadOnlyList<SweepRun> runs) =>
        [.. runs.Select((run, index) => (run, index))
            .OrderBy(x => x.run.Variant.Kind == SasVariantKind.SasMinusReleased ? 1 : 0)
            .ThenBy(x => x.index)
            .Select(x => x.run)];

    /// <summary>
    /// For an SAS− run: the release steps k whose optimizer state it keeps so that SAS−(k) runs of the same seed can fork
    /// from it — those planned in <paramref name="runs"/> and those whose folder (<c>sas-@k-s&lt;seed&gt;</c>) already sits
    /// beside it, so that a second sweep command over the same folder does not lose another's fork point. A release step
    /// named in neither is not kept: name every k in the sweep that trains SAS− (or before it passes k). Empty for other runs.
    /// </summary>
    public static IReadOnlySet<long> ForkPoints(SweepRun run, IReadOnlyList<SweepRun> runs)
    {
        if (run.Variant.Kind != SasVariantKind.SasMinus) return new HashSet<long>();
        var planned = runs.Where(r => r.Seed == run.Seed && r.Variant.Kind == SasVariantKind.SasMinusReleased)
            .Select(r => r.Variant.ReleaseStep!.Value);
        var folder = Path.GetDirectoryName(run.Folder)!;
        var beside = Directory.Exists(folder)
            ? Directory.GetDirectories(folder, $"sas-@*-s{run.Seed}")
                .Select(d => SasVariant.TryParse(Path.GetFileName(d)[..^$"-s{run.Seed}".Length]))
                .Where(v => v is { Kind: SasVariantKind.SasMinusReleased })
                .Select(v => v!.ReleaseStep!.Value)
            : [];
        return planned.Concat(beside).Where(k => k < run.Config.Steps).ToHashSet();
    }

    /// <summary>
    /// For an SAS−(k) run: the SAS− run of the same seed beside it (<c>sas--s&lt;seed&gt;</c> in the same sweep folder) when
    /// it can continue from that run's step k exactly (<see cref="RunFork.CanFork"/>), else null with the reason.
    /// <paramref name="prepared"/> is the run's configuration after corpus preparation (its vocabulary size set).
    /// </summary>
    public static RunFolder? ForkSource(SweepRun run, TrainingConfig prepared, out string reason)
    {
        if (run.Variant.Kind != SasVariantKind.SasMinusReleased)
        {
            reason = $"{run.Name} is not an SAS−(k) run";
            return null;
        }
        var source = new RunFolder(Path.Combine(Path.GetDirectoryName(run.Folder)!, FolderName(SasVariant.SasMinus, run.Seed)));
        return RunFork.CanFork(source, prepared, run.Variant.ReleaseStep!.Value, out reason) ? source : null;
    }
}
