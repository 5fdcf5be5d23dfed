namespace SuddenDrops.Metrics;

/// <summary>BLiMP accuracy of a group of paradigms (one <c>linguistics_term</c> or one field).</summary>
/// <param name="Name">The term or field.</param>
/// <param name="Paradigms">Paradigms in the group.</param>
/// <param name="Pairs">Pairs scored over those paradigms.</param>
/// <param name="Correct">Of which right.</param>
/// <param name="Accuracy">Mean of the paradigms' accuracies (equal to Correct / Pairs when every paradigm has as many pairs,
/// as in the full set and in a K-per-paradigm sample).</param>
public sealed record BlimpGroupScore(string Name, int Paradigms, int Pairs, int Correct, double Accuracy);
