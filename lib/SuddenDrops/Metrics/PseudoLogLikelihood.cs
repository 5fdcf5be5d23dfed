using SuddenDrops.Model;
using SuddenDrops.Text;
using static TorchSharp.torch;

namespace SuddenDrops.Metrics;

/// <summary>
/// Pseudo-log-likelihood of a sentence under a masked LM (Salazar, Liang, Nguyen &amp; Kirchhoff 2020, "Masked Language
/// Model Scoring", ACL, eq. 2): PLL(W) = Σₜ log P(wₜ | W∖ₜ), the sum over the sentence's word pieces of the log-probability
/// of each piece when it alone is replaced by [MASK]. The sentence is fed as <c>[CLS] pieces [SEP]</c>; [CLS] and [SEP]
/// are context, never scored; every other piece is, [UNK] included.
/// <para>
/// Batched: the n masked copies of a sentence are n rows of one batch, and sentences of one length (taken shortest first) share a batch while
/// rows × longest row stays within the token budget (a sentence's copies are never split over batches). The MLM head runs
/// only at the masked position of each row, and so does the encoder's last block (<see cref="MaskedLanguageModel.EncodeAt"/>:
/// its queries, FFN and output projection at that position only), so one batch costs L − 1 full blocks over its rows, the
/// last block's keys and values, and one [rows, V] projection.
/// </para>
/// </summary>
public sealed class PseudoLogLikelihood
{
    /// <summary>Default cap on rows × row length of one batch (padding included).</summary>
    public const int DefaultTokenBudget = 8192;

    /// <summary>Logits per chunk of scored rows (rows × V): 2M values, 8 MiB in fp32.</summary>
    private const long ChunkValues = 2L << 20;

    private readonly int cls, sep, mask, pad;
    private readonly int tokenBudget;

    public PseudoLogLikelihood(WordPieceVocabulary vocabulary, int tokenBudget = DefaultTokenBudget)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokenBudget);
        (cls, sep, mask, pad) = (vocabulary.Cls, vocabulary.Sep, vocabulary.Mask, vocabulary.Pad);
        this.tokenBudget = tokenBudget;
    }

    /// <summary>
    /// The PLL (natural log) of each sentence, given as piece ids without [CLS]/[SEP]; an empty sentence scores 0.
    /// The model is put in eval mode for the call (and back to training mode if it was) and runs under no_grad.
    /// </summary>
    /// <exception cref="ArgumentException">A sentence longer than the model's positions allow (MaxPositions − 2 pieces).</exception>
    public double[] Score(MaskedLanguageModel model, IReadOnlyList<int[]> sentences, Device device)
    {
        var limit = model.Config.MaxPositions - 2;
        for (var i = 0; i < sentences.Count; i++)
            if (sentences[i].Length > limit)
                throw new ArgumentException($"Sentence {i} has {sentences[i].Length} pieces; the model takes at most {limit} besides [CLS] and [SEP].");
        // Scored shortest first, so that the rows of a batch have nearly the same length (little padding); each score is
        // written back to its sentence's place.
        var order = Enumerable.Range(0, sentences.Count).OrderBy(i => sentences[i].Length).ToArray();
        var sorted = order.Select(i => sentences[i]).ToArray();
        var sortedScores = new double[sentences.Count];
        var wasTraining = model.training;
        model.eval();
        var batches = Batches(sorted).ToList();
        // On a CPU with several libtorch threads, whole batches run side by side, one thread each: BLiMP's rows are short and
        // its elementwise kernels too small to split well over threads (bench/RESULTS.md). Each batch writes only its own
        // sentences' scores, so the result does not depend on the order or the number of streams.
        var threads = get_num_threads();
        var streams = device.type == TorchSharp.DeviceType.CPU ? Math.Min(threads, batches.Count) : 1;
        try
        {
            if (streams <= 1)
            {
                using var inference = inference_mode(true); // no_grad without autograd's version counters and view tracking
                foreach (var (start, count) in batches)
                    ScoreBatch(model, sorted, start, count, sortedScores, device);
            }
            else
            {
                set_num_threads(1);
                Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = streams }, batch =>
                {
                    using var inference = inference_mode(true); // thread-local in libtorch: set on each worker
                    ScoreBatch(model, sorted, batch.Start, batch.Count, sortedScores, device);
                });
            }
        }
        finally
        {
            if (streams > 1) set_num_threads(threads);
            if (wasTraining) model.train();
        }
        var scores = new double[sentences.Count];
        for (var k = 0; k < order.Length; k++) scores[order[k]] = sortedScores[k];
        return scores;
    }

    /// <summary>Runs of consecutive sentences whose masked copies fit the token budget (at least one sentence each).</summary>
    private IEnumerable<(int Start, int Count)> Batches(IReadOnlyList<int[]> sentences)
    {
        int start = 0, rows = 0, longest = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var n = sentences[i].Length;
            var width = Math.Max(longest, n + 2);
            // A batch holds sentences of one length only (they come sorted): no padding, so no attention mask to add.
            if (i > start && ((long)(rows + n) * width > tokenBudget || n + 2 != longest))
            {
                yield return (start, i - start);
                (start, rows, width) = (i, 0, n + 2);
            }
            rows += n;
            longest = width;
        }
        if (start < sentences.Count) yield return (start, sentences.Count - start);
    }

    private void ScoreBatch(MaskedLanguageModel model, IReadOnlyList<int[]> sentences, int start, int count, double[] scores, Device device)
    {
        var rows = 0;
        var width = 0;
        for (var s = start; s < start + count; s++)
        {
            rows += sentences[s].Length;
            width = Math.Max(width, sentences[s].Length + 2);
        }
        if (rows == 0) return; // only empty sentences: PLL 0

        var ids = new long[rows * width];     // [R, T]
        var attention = new long[rows * width]; // [R, T]
        var positions = new long[rows];         // [R] position of the masked piece in its row
        var targets = new long[rows];           // [R] the piece it hides
        var owner = new int[rows];              // [R] sentence of each row
        var row = 0;
        for (var s = start; s < start + count; s++)
        {
            var pieces = sentences[s];
            for (var masked = 0; masked < pieces.Length; masked++, row++)
            {
                var offset = row * width;
                Array.Fill(ids, pad, offset, width);
                ids[offset] = cls;
                for (var k = 0; k < pieces.Length; k++) ids[offset + 1 + k] = pieces[k];
                ids[offset + 1 + pieces.Length] = sep;
                attention.AsSpan(offset, pieces.Length + 2).Fill(1);
                ids[offset + 1 + masked] = mask;
                positions[row] = 1 + masked;
                targets[row] = pieces[masked];
                owner[row] = s;
            }
        }

        using var scope = NewDisposeScope();
        var inputIds = tensor(ids, [rows, width]).to(device);
        // Null when no row is padded (the usual case: a batch holds one sentence length), so that no mask is added.
        var attentionMask = Array.IndexOf(attention, 0L) < 0 ? null : tensor(attention, [rows, width]).to(device);
        var allPositions = tensor(positions).to(device); // [R]
        using var hidden = model.EncodeAt(inputIds, attentionMask, allPositions); // [R, D]
        var allTargets = tensor(targets).to(device);     // [R]
        // The [rows, V] log-probabilities a chunk of rows at a time: a chunk's few MiB are reused from the heap, where one
        // [R, V] block of tens of MiB would be a fresh mapping whose pages fault in on every batch (CpuRuntime).
        var chunk = (int)Math.Max(1, ChunkValues / model.Config.VocabSize);
        var values = new float[rows];
        for (var first = 0; first < rows; first += chunk)
        {
            using var chunkScope = NewDisposeScope();
            var size = Math.Min(chunk, rows - first);
            var logits = model.Predict(hidden.narrow(0, first, size)); // [c, V]
            // log p(target) = logit(target) − logsumexp(logits): one reduction, no [c, V] of log-probabilities written.
            var target = logits.gather(1, allTargets.narrow(0, first, size).unsqueeze(1)).squeeze(1); // [c]
            var logProbs = (target - logits.logsumexp(1)).cpu();                                       // [c]
            logProbs.data<float>().CopyTo(values, first, 0);
        }
        for (var r = 0; r < rows; r++) scores[owner[r]] += values[r];
    }
}
