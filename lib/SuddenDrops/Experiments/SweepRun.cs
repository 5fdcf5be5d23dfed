using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>One (variant, seed) of a sweep: its full configuration and its own run folder <c>&lt;out&gt;/&lt;variant&gt;-s&lt;seed&gt;</c>.</summary>
public sealed record SweepRun(SasVariant Variant, int Seed, TrainingConfig Config, string Folder)
{
    public string Name => Sweep.FolderName(Variant, Seed);
}
