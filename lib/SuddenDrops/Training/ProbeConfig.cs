namespace SuddenDrops.Training;

/// <summary>What is measured at each checkpoint beside the held-out MLM loss (0 turns a probe off).</summary>
/// <param name="UasSentences">First n sentences of UD EWT dev for the implicit-parse UAS (those longer than the sequence length are skipped and counted).</param>
/// <param name="UasMaxWords">When set, only sentences of at most this many words enter the sample (the reference run: first 400 of ≤ 40 words).</param>
/// <param name="BlimpPerParadigm">BLiMP pairs per paradigm scored by pseudo-log-likelihood (a fixed seeded sample, the same at
/// every checkpoint). PLL costs one forward pass per word piece (≈ 29 masked copies per pair), so the default, 5 × 67 = 335
/// pairs, is sized for the tiny preset on the 2-core CPU: about 7 s per checkpoint at 46 pairs/s (one libtorch thread, shared
/// machine), against 30 s for the reference's 20 per paradigm. Its standard error is about 2.7 points; the small preset
/// (GPU) keeps 20.</param>
/// <param name="TwoNNPoints">N for the TwoNN intrinsic dimension: N token positions (and the [CLS] vectors of N sentences)
/// from UD EWT dev, per layer, Euclidean and cosine. N = 2,000 costs about 6 s per tiny checkpoint on the same CPU (forward
/// passes over ≈ 2,000 sentences, then 10 estimates of ≈ 0.5 s); the cost grows about linearly with N.</param>
/// <param name="SlowProbesEvery">When set, BLiMP and TwoNN run only at checkpoints whose step is a multiple of it (and at step 0);
/// UAS and the MLM loss still run at every checkpoint. The tiny preset uses 500 so its probes do not double the run's wall time.</param>
public sealed record ProbeConfig(int UasSentences = 500, int? UasMaxWords = null, int BlimpPerParadigm = 5, int TwoNNPoints = 2000, int? SlowProbesEvery = null);
