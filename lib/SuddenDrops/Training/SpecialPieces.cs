namespace SuddenDrops.Training;

/// <summary>Ids of BERT's special pieces in the vocabulary a run uses.</summary>
public sealed record SpecialPieces(int Pad, int Unk, int Cls, int Sep, int Mask)
{
    /// <summary>Pieces that are never prediction targets nor random replacements.</summary>
    public IReadOnlySet<int> NeverMasked => new HashSet<int> { Pad, Cls, Sep, Mask };

    /// <summary>bert-base-uncased: [PAD]=0, [UNK]=100, [CLS]=101, [SEP]=102, [MASK]=103.</summary>
    public static SpecialPieces BertBaseUncased { get; } = new(0, 100, 101, 102, 103);
}
