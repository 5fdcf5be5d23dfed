namespace SuddenDrops.Metrics;

/// <summary>Per-layer TwoNN intrinsic dimension of a model's representations of a fixed held-out sample.</summary>
/// <param name="TokenPoints">Token positions in the sample (pieces other than [CLS]/[SEP]).</param>
/// <param name="Sentences">Sentences run through the model; each gives one [CLS] vector.</param>
/// <param name="SentencesSkipped">Candidate sentences left out for being longer than the piece limit.</param>
/// <param name="Layers">Embedding output (layer 0), then each block.</param>
/// <param name="Seconds">Wall time: forward passes and the estimates.</param>
public sealed record IntrinsicDimensionReport(
    int TokenPoints,
    int Sentences,
    int SentencesSkipped,
    IReadOnlyList<LayerIntrinsicDimension> Layers,
    double Seconds);
