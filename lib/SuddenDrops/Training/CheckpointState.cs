using System.Text.Json.Serialization;

namespace SuddenDrops.Training;

/// <summary>Where training stood when a checkpoint was written (the random state is a function of Step: see <see cref="SeedMix"/>).</summary>
/// <param name="Checksums">SHA-256 (hex) of each file of the checkpoint when it was written (<c>model.bin</c>, <c>optimizer.bin</c>);
/// null in checkpoints written before 2026-12-07, which are taken as intact.</param>
public sealed record CheckpointState(long Step, long Tokens, double Seconds, int Seed, string Preset,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Checksums = null);
