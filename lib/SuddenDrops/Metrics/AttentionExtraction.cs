using SuddenDrops.Model;
using SuddenDrops.Text;
using static TorchSharp.torch;

namespace SuddenDrops.Metrics;

/// <summary>
/// Runs aligned sentences through the model in padded batches and hands back each sentence's piece-level
/// attention probabilities <c>[L, H, T, T]</c> (rows: from, columns: to) as a managed array.
/// </summary>
public static class AttentionExtraction
{
    /// <summary>Float budget of one batch's attention maps (bounds memory for big models).</summary>
    private const long FloatBudget = 32L << 20;

    public static IEnumerable<(int Index, float[] Attention)> Extract(MaskedLanguageModel model, IReadOnlyList<PieceAlignment> sentences, int padId, Device device)
    {
        if (sentences.Count == 0) yield break;
        int layers = model.Config.Layers, heads = model.Config.Heads;
        int longest = sentences.Max(s => s.PieceCount);
        int batchSize = (int)Math.Clamp(FloatBudget / ((long)layers * heads * longest * longest), 1, 128);
        for (int start = 0; start < sentences.Count; start += batchSize)
        {
            var batch = sentences.Skip(start).Take(batchSize).ToList();
            foreach (var (i, a) in Batch(model, batch, padId, device))
                yield return (start + i, a);
        }
    }

    private static List<(int, float[])> Batch(MaskedLanguageModel model, List<PieceAlignment> batch, int padId, Device device)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int b = batch.Count, t = batch.Max(s => s.PieceCount);
        int layers = model.Config.Layers, heads = model.Config.Heads;
        var ids = new long[b * t];
        var mask = new long[b * t];
        for (int row = 0; row < b; row++)
        {
            var s = batch[row];
            for (int k = 0; k < t; k++)
            {
                ids[row * t + k] = k < s.PieceCount ? s.PieceIds[k] : padId;
                mask[row * t + k] = k < s.PieceCount ? 1 : 0;
            }
        }
        using var output = model.Encode(tensor(ids, [b, t]).to(device), tensor(mask, [b, t]).to(device), returnAttentions: true);
        var all = stack(output.Attentions!, 1).to(float32).cpu(); // [B, L, H, T, T]
        var values = all.data<float>().ToArray();
        var result = new List<(int, float[])>(b);
        for (int row = 0; row < b; row++)
        {
            int n = batch[row].PieceCount;
            var one = new float[layers * heads * n * n];
            for (int lh = 0; lh < layers * heads; lh++)
                for (int i = 0; i < n; i++)
                    Array.Copy(values, (((long)row * layers * heads + lh) * t + i) * t, one, ((long)lh * n + i) * n, n);
            result.Add((row, one));
        }
        return result;
    }
}
