namespace SuddenDrops.Experiments;

/// <summary>An evaluation of one checkpoint as written to JSON by <c>sdrops blimp</c> and <c>sdrops twonn</c>.</summary>
/// <param name="Checkpoint">The checkpoint folder.</param>
/// <param name="Step">Its pretraining step.</param>
/// <param name="Device">Where it ran.</param>
/// <param name="Sample">What was measured, in words (e.g. "BLiMP, all 67,000 pairs").</param>
/// <param name="Report">The measurement.</param>
public sealed record CheckpointReport<T>(string Checkpoint, long Step, string Device, string Sample, T Report);
