namespace SuddenDrops.Metrics;

/// <summary>Distance between representation vectors for nearest-neighbour statistics.</summary>
public enum Distance
{
    /// <summary>‖x − y‖₂.</summary>
    Euclidean,

    /// <summary>
    /// Cosine geometry, measured as the angle θ = arccos(x·y / ‖x‖‖y‖) (computed stably as 2·asin(‖x̂ − ŷ‖/2)).
    /// Not 1 − cos θ: that behaves like θ²/2 at small angles, which squares every ratio r₂/r₁ and halves a TwoNN estimate.
    /// </summary>
    Cosine,
}
