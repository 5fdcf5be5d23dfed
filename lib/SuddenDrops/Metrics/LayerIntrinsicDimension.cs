namespace SuddenDrops.Metrics;

/// <summary>TwoNN intrinsic dimension of one layer's representations (<see cref="TwoNN"/>).</summary>
/// <param name="Layer">0: the embedding output; k ≥ 1: the output of block k.</param>
/// <param name="TokenEuclidean">Token vectors, Euclidean distance.</param>
/// <param name="TokenCosine">Token vectors, angular (cosine) distance.</param>
/// <param name="ClsEuclidean">[CLS] vectors, Euclidean; null at layer 0, where [CLS] at position 0 embeds identically in every sentence.</param>
/// <param name="ClsCosine">[CLS] vectors, angular; null at layer 0.</param>
public sealed record LayerIntrinsicDimension(int Layer, double TokenEuclidean, double TokenCosine, double? ClsEuclidean, double? ClsCosine);
