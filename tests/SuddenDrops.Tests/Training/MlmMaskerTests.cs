using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

public class MlmMaskerTests
{
    [Fact]
    public void Selects_fifteen_percent_and_splits_them_80_10_10()
    {
        const int vocab = 1000, b = 64, t = 128, mask = 3;
        var specials = new HashSet<int> { 0, 1, 2, 3 }; // pad, cls, sep, mask
        var masker = new MlmMasker(new MaskingConfig(), vocab, mask, specials);
        var rng = new Random(7);
        var ids = new int[b * t];
        var real = new bool[b * t];
        for (int i = 0; i < ids.Length; i++)
        {
            int pos = i % t;
            ids[i] = pos == 0 ? 1 : pos == t - 1 ? 2 : 4 + rng.Next(vocab - 4);
            real[i] = true;
        }
        for (int i = t - 10; i < t - 1; i++) { ids[i] = 0; real[i] = false; } // padding in row 0

        long selected = 0, masked = 0, random = 0, kept = 0, candidates = ids.Where((id, i) => real[i] && !specials.Contains(id)).Count();
        for (int round = 0; round < 20; round++)
        {
            using var batch = masker.Apply(ids, real, b, t, new Random(round));
            var input = batch.InputIds.data<long>().ToArray();
            var positions = batch.TargetPositions.data<long>().ToArray();
            var targets = batch.TargetIds.data<long>().ToArray();
            for (int k = 0; k < positions.Length; k++)
            {
                int p = (int)positions[k];
                Assert.True(real[p] && !specials.Contains(ids[p]), "only real, non-special tokens are targets");
                Assert.Equal(ids[p], targets[k]);
                if (input[p] == mask) masked++;
                else if (input[p] == ids[p]) kept++;
                else random++;
            }
            selected += positions.Length;
            Assert.Equal(ids.Select(x => (long)x).Where((x, i) => !positions.Contains(i)), input.Where((x, i) => !positions.Contains(i)));
            Assert.Equal(real.Select(r => r ? 1L : 0L), batch.AttentionMask.data<long>().ToArray());
        }
        double share = selected / (20.0 * candidates);
        Assert.InRange(share, 0.145, 0.155);
        Assert.InRange(masked / (double)selected, 0.78, 0.82);
        Assert.InRange(random / (double)selected, 0.085, 0.115); // a random piece may equal the original (1/996)
        Assert.InRange(kept / (double)selected, 0.085, 0.115);
    }

    [Fact]
    public void Never_returns_an_empty_target_set()
    {
        var masker = new MlmMasker(new MaskingConfig(SelectShare: 0.0), 20, 3, new HashSet<int> { 0, 1, 2, 3 });
        using var batch = masker.Apply([1, 7, 8, 2], [true, true, true, true], 1, 4, new Random(0));
        Assert.Equal(1, batch.TargetIds.shape[0]);
    }
}
