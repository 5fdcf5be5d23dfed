namespace SuddenDrops.Parsing;

/// <summary>Unlabelled and labelled attachment scores over all words (punctuation included), gold tokenisation.</summary>
/// <param name="Sentences">Sentences scored.</param>
/// <param name="Words">Words scored.</param>
/// <param name="HeadsCorrect">Words with the gold head.</param>
/// <param name="LabeledCorrect">Words with the gold head and the gold relation (subtype included).</param>
public sealed record AttachmentScores(int Sentences, long Words, long HeadsCorrect, long LabeledCorrect)
{
    public static AttachmentScores Empty { get; } = new(0, 0, 0, 0);

    /// <summary>UAS in [0, 1].</summary>
    public double Uas => Words == 0 ? 0 : (double)HeadsCorrect / Words;

    /// <summary>LAS in [0, 1].</summary>
    public double Las => Words == 0 ? 0 : (double)LabeledCorrect / Words;

    /// <summary>These scores plus one sentence's.</summary>
    public AttachmentScores Add(IReadOnlyList<int> goldHeads, IReadOnlyList<string> goldRelations, ParsedSentence parsed)
    {
        if (parsed.Heads.Count != goldHeads.Count)
            throw new ArgumentException($"Parsed {parsed.Heads.Count} words against {goldHeads.Count} gold words.");
        long heads = 0, labeled = 0;
        for (var i = 0; i < goldHeads.Count; i++)
        {
            if (parsed.Heads[i] != goldHeads[i]) continue;
            heads++;
            if (parsed.Relations[i] == goldRelations[i]) labeled++;
        }
        return new AttachmentScores(Sentences + 1, Words + goldHeads.Count, HeadsCorrect + heads, LabeledCorrect + labeled);
    }

    public override string ToString() => $"UAS {100 * Uas:F2}  LAS {100 * Las:F2}  ({Words:N0} words, {Sentences:N0} sentences)";
}
