namespace SuddenDrops.Data;

/// <summary>
/// One BLiMP minimal pair (Warstadt et al. 2020): a grammatical and an ungrammatical sentence that differ
/// in one phenomenon. A model "gets the pair right" when it scores <see cref="SentenceGood"/> above
/// <see cref="SentenceBad"/>.
/// </summary>
/// <param name="SentenceGood">The acceptable sentence (<c>sentence_good</c>).</param>
/// <param name="SentenceBad">The unacceptable sentence (<c>sentence_bad</c>).</param>
/// <param name="Field">Broad field as written in the file: syntax, morphology, semantics, syntax_semantics
/// (one paradigm, principle_A_case_2, writes "syntax/semantics"; see <see cref="FieldNormalized"/>).</param>
/// <param name="LinguisticsTerm">Phenomenon (<c>linguistics_term</c>), e.g. island_effects; 13 in BLiMP.</param>
/// <param name="Uid">Paradigm identifier (<c>UID</c>), e.g. adjunct_island; 67 in BLiMP, 1,000 pairs each.</param>
/// <param name="PairId">Identifier of the pair inside its paradigm (<c>pairID</c>), "0" to "999".</param>
public sealed record BlimpPair(
    string SentenceGood,
    string SentenceBad,
    string Field,
    string LinguisticsTerm,
    string Uid,
    string PairId)
{
    /// <summary>
    /// <see cref="Field"/> with "/" written as "_", so that principle_A_case_2 ("syntax/semantics")
    /// groups with the other syntax_semantics paradigms: BLiMP has four fields.
    /// </summary>
    public string FieldNormalized => Field.Replace('/', '_');

    /// <summary>
    /// True when both sentences are the same string, which makes the pair unscorable (a model can only tie).
    /// The published BLiMP has 7 such pairs: passive_1 pairs 324 and 810; principle_A_case_2 pairs 105, 287, 372, 816, 967.
    /// </summary>
    public bool IsDegenerate => string.Equals(SentenceGood, SentenceBad, StringComparison.Ordinal);
}
