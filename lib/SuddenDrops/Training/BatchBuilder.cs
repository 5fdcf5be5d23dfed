namespace SuddenDrops.Training;

/// <summary>Assembles packed sequences into a masked batch.</summary>
public sealed class BatchBuilder(PackedSequences sequences, MlmMasker masker)
{
    public PackedSequences Sequences => sequences;

    public MaskedBatch Build(IReadOnlyList<int> sequenceIndices, Random rng)
    {
        int b = sequenceIndices.Count, t = sequences.Length;
        var ids = new int[b * t];
        var real = new bool[b * t];
        for (int row = 0; row < b; row++) sequences.Fill(sequenceIndices[row], row, ids, real);
        return masker.Apply(ids, real, b, t, rng);
    }
}
