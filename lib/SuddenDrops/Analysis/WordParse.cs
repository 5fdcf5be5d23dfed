namespace SuddenDrops.Analysis;

/// <summary>One word of a sentence with its gold head and the head a parser (an attention head, an offset) predicts.</summary>
/// <param name="Position">1-based word position (CoNLL-U ID).</param>
/// <param name="Word">The word.</param>
/// <param name="Relation">Its gold UD relation.</param>
/// <param name="GoldHead">Gold head position, 0 for the root.</param>
/// <param name="GoldHeadWord">The gold head's word, or "ROOT".</param>
/// <param name="PredictedHead">Predicted head position, 0 when the parser predicts none.</param>
/// <param name="PredictedHeadWord">The predicted head's word, or "—".</param>
/// <param name="Correct">Whether the prediction is the gold head (never for the root word).</param>
public sealed record WordParse(
    int Position, string Word, string Relation, int GoldHead, string GoldHeadWord, int PredictedHead, string PredictedHeadWord, bool Correct);
