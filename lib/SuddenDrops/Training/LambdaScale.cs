namespace SuddenDrops.Training;

/// <summary>What λ multiplies in L = L_MLM + λ·(…).</summary>
public enum LambdaScale
{
    /// <summary>R itself: a sum over the batch's directed edges (the paper's code), so λ's effect grows with the batch's edges.</summary>
    Sum,

    /// <summary>R / 2E, the mean over directed edges of the max attention along them (in [0, 1]): λ is comparable across
    /// batch shapes and corpora.</summary>
    PerEdge,
}
