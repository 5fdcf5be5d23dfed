namespace SuddenDrops.Training;

/// <summary>
/// BERT's masking recipe: select <see cref="SelectShare"/> of the non-special tokens as prediction targets;
/// replace <see cref="MaskShare"/> of those with [MASK], <see cref="RandomShare"/> with a random piece and keep the rest.
/// </summary>
public sealed record MaskingConfig(double SelectShare = 0.15, double MaskShare = 0.8, double RandomShare = 0.1);
