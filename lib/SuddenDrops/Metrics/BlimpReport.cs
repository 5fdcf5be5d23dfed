namespace SuddenDrops.Metrics;

/// <summary>
/// BLiMP (Warstadt et al. 2020) scored by pseudo-log-likelihood: a pair is right when PLL(good) &gt; PLL(bad), strictly;
/// a tie counts as wrong (the 7 published pairs whose two sentences are identical always tie, so no model reaches 100%
/// on passive_1 and principle_A_case_2).
/// </summary>
/// <param name="Pairs">Pairs scored.</param>
/// <param name="Paradigms">Paradigms they cover.</param>
/// <param name="MeanOverParadigms">The headline: the unweighted mean of the paradigms' accuracies.</param>
/// <param name="PairAccuracy">Correct pairs / all pairs.</param>
/// <param name="Ties">Pairs whose two scores were equal.</param>
/// <param name="Seconds">Wall time of the scoring (tokenisation excluded).</param>
/// <param name="PairsPerSecond">Pairs / Seconds.</param>
/// <param name="ByParadigm">Every paradigm, in the order they were read.</param>
/// <param name="ByTerm">Every linguistics_term, by name.</param>
/// <param name="ByField">Every field, by name.</param>
public sealed record BlimpReport(
    int Pairs,
    int Paradigms,
    double MeanOverParadigms,
    double PairAccuracy,
    int Ties,
    double Seconds,
    double PairsPerSecond,
    IReadOnlyList<BlimpParadigmScore> ByParadigm,
    IReadOnlyList<BlimpGroupScore> ByTerm,
    IReadOnlyList<BlimpGroupScore> ByField);
