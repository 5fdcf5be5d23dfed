using System.Diagnostics;
using SuddenDrops.Model;
using SuddenDrops.Text;
using static TorchSharp.torch;

namespace SuddenDrops.Metrics;

/// <summary>
/// TwoNN intrinsic dimension (Facco et al. 2017) of a model's representations, layer by layer, on a fixed held-out sample
/// (the measurement of Chen et al. 2024 §4, after Ansuini et al. 2019 and Cheng et al. 2023).
/// <para>
/// The sample: the first <c>points</c> sentences that fit in <c>maxPieces</c> (fed unmasked as <c>[CLS] words [SEP]</c>,
/// each word tokenised on its own as the UAS probe does), giving one [CLS] vector per sentence; and <c>points</c> token
/// positions drawn uniformly without replacement, with a fixed seed, from all their pieces other than [CLS] and [SEP]
/// (spread over all sentences rather than packed into the first few, so neighbours are not dominated by one context).
/// Every layer is read from <see cref="EncoderOutput.HiddenStates"/>: the embedding output (layer 0), then each block.
/// </para>
/// <para>
/// Reading the numbers: at layer 0 a piece at a given position has one vector whatever its sentence, so repeated
/// (piece, position) points are exact duplicates and TwoNN drops them. In an untrained model the blocks barely mix
/// context, so those points stay near-duplicates above layer 0: r₁ is tiny next to r₂ and the estimate falls below 1
/// (0.6–0.7 for the tiny preset at step 0, against 6–7.5 at step 7,103).
/// </para>
/// </summary>
public sealed class IntrinsicDimensionEvaluation
{
    /// <summary>Sentences per forward pass.</summary>
    private const int BatchSentences = 64;

    private readonly List<PieceAlignment> sentences = [];
    private readonly (int Sentence, int Position)[] tokens;
    private readonly int padId;

    /// <param name="words">Candidate sentences as words, in order (e.g. UD EWT dev).</param>
    /// <param name="encoder">The run's vocabulary.</param>
    /// <param name="maxPieces">Longest sentence kept, [CLS] and [SEP] included (the run's sequence length).</param>
    /// <param name="points">N: sentences for the [CLS] cloud and token positions for the token cloud.</param>
    /// <param name="seed">Seed of the choice of token positions.</param>
    public IntrinsicDimensionEvaluation(IEnumerable<IReadOnlyList<string>> words, WordPieceEncoder encoder, int maxPieces, int points, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 3);
        padId = encoder.Vocabulary.Pad;
        foreach (var sentence in words)
        {
            if (sentences.Count == points) break;
            if (encoder.Align(sentence, maxPieces) is { } aligned) sentences.Add(aligned);
            else SentencesSkipped++;
        }
        var candidates = sentences.SelectMany((s, i) => Enumerable.Range(1, s.PieceCount - 2).Select(k => (i, k))).ToArray();
        if (candidates.Length < 3) throw new ArgumentException($"TwoNN needs at least 3 token positions; the sample has {candidates.Length}.");
        new Random(seed).Shuffle(candidates);
        tokens = candidates.Take(points).Order().ToArray();
    }

    /// <summary>Sentences in the sample ([CLS] points).</summary>
    public int SentenceCount => sentences.Count;

    /// <summary>Candidate sentences skipped for being too long.</summary>
    public int SentencesSkipped { get; }

    /// <summary>Token positions in the sample.</summary>
    public int TokenCount => tokens.Length;

    /// <summary>The sentences of the sample, as fed to the model.</summary>
    public IReadOnlyList<PieceAlignment> Sentences => sentences;

    /// <summary>The token points: (index into <see cref="Sentences"/>, piece position), in that order.</summary>
    public IReadOnlyList<(int Sentence, int Position)> TokenPositions => tokens;

    /// <summary>Measures every layer: token vectors and [CLS] vectors, Euclidean and cosine.</summary>
    public IntrinsicDimensionReport Evaluate(MaskedLanguageModel model, Device device)
    {
        var clock = Stopwatch.StartNew();
        var (tokenVectors, clsVectors) = Representations(model, device);
        var dims = model.Config.Hidden;
        var layers = new List<LayerIntrinsicDimension>(tokenVectors.Length);
        for (var layer = 0; layer < tokenVectors.Length; layer++)
        {
            var cls = layer > 0 && sentences.Count >= 3;
            layers.Add(new LayerIntrinsicDimension(
                layer,
                TwoNN.Estimate(tokenVectors[layer], dims, Distance.Euclidean).Dimension,
                TwoNN.Estimate(tokenVectors[layer], dims, Distance.Cosine).Dimension,
                cls ? TwoNN.Estimate(clsVectors[layer], dims, Distance.Euclidean).Dimension : null,
                cls ? TwoNN.Estimate(clsVectors[layer], dims, Distance.Cosine).Dimension : null));
        }
        return new IntrinsicDimensionReport(tokens.Length, sentences.Count, SentencesSkipped, layers, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Per layer (L + 1), the token vectors [N, D] and the [CLS] vectors [S, D], row-major, in sample order.</summary>
    /// <remarks>Sentences are batched in order of length, so that little of each batch is padding.</remarks>
    public (float[][] Tokens, float[][] Cls) Representations(MaskedLanguageModel model, Device device)
    {
        int states = model.Config.Layers + 1, dims = model.Config.Hidden;
        var tokenVectors = Enumerable.Range(0, states).Select(_ => new float[tokens.Length * dims]).ToArray();
        var clsVectors = Enumerable.Range(0, states).Select(_ => new float[sentences.Count * dims]).ToArray();
        var pointsOf = Enumerable.Range(0, sentences.Count).Select(_ => new List<int>()).ToArray();
        for (var p = 0; p < tokens.Length; p++) pointsOf[tokens[p].Sentence].Add(p);
        var byLength = Enumerable.Range(0, sentences.Count).OrderBy(i => sentences[i].PieceCount).ToArray();
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            foreach (var batch in byLength.Chunk(BatchSentences))
                FillBatch(model, device, batch, pointsOf, tokenVectors, clsVectors);
        }
        finally
        {
            if (wasTraining) model.train();
        }
        return (tokenVectors, clsVectors);
    }

    private void FillBatch(MaskedLanguageModel model, Device device, int[] batch, List<int>[] pointsOf, float[][] tokenVectors, float[][] clsVectors)
    {
        using var scope = NewDisposeScope();
        int count = batch.Length, width = batch.Max(i => sentences[i].PieceCount), dims = model.Config.Hidden;
        var ids = new long[count * width];
        var mask = new long[count * width];
        var selected = new List<long>(count * 2); // [CLS] of each row, then the sampled tokens of each row
        var points = new List<int>(count);        // the token point of each selected token
        for (var row = 0; row < count; row++)
        {
            var pieces = sentences[batch[row]].PieceIds;
            Array.Fill(ids, padId, row * width, width);
            for (var k = 0; k < pieces.Length; k++) (ids[row * width + k], mask[row * width + k]) = (pieces[k], 1);
            selected.Add(row * width);
        }
        for (var row = 0; row < count; row++)
            foreach (var p in pointsOf[batch[row]])
            {
                selected.Add(row * width + tokens[p].Position);
                points.Add(p);
            }
        var index = tensor(selected.ToArray()).to(device);
        using var output = model.Encode(tensor(ids, [count, width]).to(device), tensor(mask, [count, width]).to(device), returnHiddenStates: true);
        for (var layer = 0; layer < output.HiddenStates!.Count; layer++)
        {
            var rows = output.HiddenStates[layer].reshape(-1, dims).index_select(0, index).to(ScalarType.Float32).cpu(); // [count + points, D]
            var values = rows.data<float>().ToArray();
            for (var row = 0; row < count; row++)
                Array.Copy(values, (long)row * dims, clsVectors[layer], (long)batch[row] * dims, dims);
            for (var j = 0; j < points.Count; j++)
                Array.Copy(values, (long)(count + j) * dims, tokenVectors[layer], (long)points[j] * dims, dims);
        }
    }
}
