namespace SuddenDrops.Metrics;

/// <summary>BLiMP accuracy on one paradigm (<c>UID</c>).</summary>
/// <param name="Uid">Paradigm, e.g. adjunct_island.</param>
/// <param name="Field">Its field, with "/" written as "_" (syntax, morphology, semantics, syntax_semantics).</param>
/// <param name="LinguisticsTerm">Its phenomenon, e.g. island_effects.</param>
/// <param name="Pairs">Pairs scored.</param>
/// <param name="Correct">Pairs whose good sentence scored strictly higher.</param>
/// <param name="Ties">Pairs whose two sentences scored exactly the same (counted wrong).</param>
/// <param name="Accuracy">Correct / Pairs.</param>
public sealed record BlimpParadigmScore(string Uid, string Field, string LinguisticsTerm, int Pairs, int Correct, int Ties, double Accuracy);
