using SuddenDrops.Metrics;

namespace SuddenDrops.Experiments;

/// <summary>
/// The onset of one relation's UAS curve (<see cref="OnsetDetector"/> on the best head for the relation over checkpoints)
/// with where the curve ends and the relation's positional baseline.
/// </summary>
/// <param name="Relation">Base UD relation or "all".</param>
/// <param name="Words">Words of the relation in the sample.</param>
/// <param name="Checkpoints">Checkpoints in the curve.</param>
/// <param name="FinalStep">Last checkpoint's step.</param>
/// <param name="FinalUas">UAS of the best head for the relation there.</param>
/// <param name="FinalOverallUas">UAS of the overall best head on the relation's words there.</param>
/// <param name="MaxUas">Highest UAS of the curve.</param>
/// <param name="BaselineOffset">Best fixed offset for these words.</param>
/// <param name="BaselineUas">Its UAS (the same at every checkpoint).</param>
/// <param name="Analysis">The onset analysis; null when the curve has fewer than 5 checkpoints.</param>
public sealed record RelationOnset(
    string Relation, long Words, int Checkpoints, long FinalStep, double FinalUas, double FinalOverallUas, double MaxUas,
    int BaselineOffset, double BaselineUas, OnsetAnalysis? Analysis)
{
    /// <summary>The steepest rise, significant or not.</summary>
    public Onset? Candidate => Analysis?.Candidate;

    /// <summary>The significant onset, or null ("no onset").</summary>
    public Onset? Onset => Analysis?.Detected;

    /// <summary>Whether the best head for the relation beats the positional baseline at the last checkpoint.</summary>
    public bool BeatsBaseline => FinalUas > BaselineUas;
}
