namespace SuddenDrops.Training;

/// <summary>What is measured at each checkpoint beside the held-out MLM loss (0 turns a probe off).</summary>
/// <param name="UasSentences">First n sentences of UD EWT dev for the implicit-parse UAS (those longer than the sequence length are skipped and counted).</param>
/// <param name="UasMaxWords">When set, only sentences of at most this many words enter the sample (the reference run: first 400 of ≤ 40 words).</param>
/// <param name="BlimpPerParadigm">BLiMP pairs per paradigm scored by pseudo-log-likelihood (a fixed seeded sample, the same at
/// every checkpoint). 20 × 67 = 1,340 pairs, as in the reference; about 3 s per checkpoint for the tiny preset on 2 CPU cores.</param>
/// <param name="TwoNNPoints">N for the TwoNN intrinsic dimension: N token positions (and the [CLS] vectors of N sentences)
/// from UD EWT dev, per layer.</param>
public sealed record ProbeConfig(int UasSentences = 500, int? UasMaxWords = null, int BlimpPerParadigm = 20, int TwoNNPoints = 2000);
