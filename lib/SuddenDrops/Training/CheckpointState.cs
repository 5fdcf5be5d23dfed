namespace SuddenDrops.Training;

/// <summary>Where training stood when a checkpoint was written (the random state is a function of Step: see <see cref="SeedMix"/>).</summary>
public sealed record CheckpointState(long Step, long Tokens, double Seconds, int Seed, string Preset);
