using static TorchSharp.torch;

namespace SuddenDrops.Training;

/// <summary>
/// Applies BERT's 80/10/10 masking to packed sequences (Devlin et al. 2019, §3.1): each non-special,
/// non-padding token is selected with probability p = 0.15; a selected token becomes [MASK] with
/// probability 0.8, a uniformly random non-special piece with 0.1, and stays itself with 0.1.
/// The loss is computed at the selected positions only.
/// </summary>
public sealed class MlmMasker(MaskingConfig config, int vocabSize, int maskId, IReadOnlySet<int> specialIds)
{
    private readonly int[] replacementPieces = Enumerable.Range(0, vocabSize).Where(i => !specialIds.Contains(i)).ToArray();

    /// <summary>Masks a batch given as row-major piece ids [B, T] with its padding mask.</summary>
    public MaskedBatch Apply(int[] ids, bool[] isReal, int batch, int length, Random rng)
    {
        if (ids.Length != batch * length || isReal.Length != ids.Length)
            throw new ArgumentException($"Expected {batch}×{length} ids and mask values, got {ids.Length} and {isReal.Length}.");
        var input = new long[ids.Length];
        var mask = new long[ids.Length];
        var positions = new List<long>(ids.Length / 6);
        var targets = new List<long>(ids.Length / 6);
        int firstCandidate = -1;
        for (int i = 0; i < ids.Length; i++)
        {
            input[i] = ids[i];
            mask[i] = isReal[i] ? 1 : 0;
            if (!isReal[i] || specialIds.Contains(ids[i])) continue;
            if (firstCandidate < 0) firstCandidate = i;
            if (rng.NextDouble() >= config.SelectShare) continue;
            Select(i);
        }
        if (positions.Count == 0 && firstCandidate >= 0) Select(firstCandidate); // never an empty loss

        return new MaskedBatch(
            tensor(input, [batch, length]),
            tensor(mask, [batch, length]),
            tensor(positions.ToArray()),
            tensor(targets.ToArray()),
            HasPadding: Array.IndexOf(isReal, false) >= 0);

        void Select(int i)
        {
            positions.Add(i);
            targets.Add(ids[i]);
            var r = rng.NextDouble();
            if (r < config.MaskShare) input[i] = maskId;
            else if (r < config.MaskShare + config.RandomShare) input[i] = replacementPieces[rng.Next(replacementPieces.Length)];
        }
    }
}
