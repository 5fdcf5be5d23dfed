namespace SuddenDrops.Training;

/// <summary>What is measured at each checkpoint beside the held-out MLM loss (0 turns a probe off).</summary>
/// <param name="UasSentences">First n sentences of UD EWT dev for the implicit-parse UAS (those longer than the sequence length are skipped and counted).</param>
/// <param name="UasMaxWords">When set, only sentences of at most this many words enter the sample (the reference run: first 400 of ≤ 40 words).</param>
/// <param name="BlimpPerParadigm">BLiMP pairs per paradigm scored by pseudo-log-likelihood (a fixed seeded sample, the same at
/// every checkpoint). The default, 5 × 67 = 335 pairs (≈ 9,600 masked copies), is sized for the tiny preset on 2 CPU cores:
/// PLL costs one forward pass per word piece, and 20 per paradigm (the reference's 1,340 pairs) took 30 s per checkpoint there,
/// more than 100 training steps; the small preset (GPU) uses 20. The accuracy of 335 pairs has a standard error of about 2.7 points.</param>
/// <param name="TwoNNPoints">N for the TwoNN intrinsic dimension: N token positions (and the [CLS] vectors of N sentences)
/// from UD EWT dev, per layer.</param>
public sealed record ProbeConfig(int UasSentences = 500, int? UasMaxWords = null, int BlimpPerParadigm = 5, int TwoNNPoints = 2000);
