namespace SuddenDrops.Training;

/// <summary>What is measured at each checkpoint beside the held-out MLM loss (0 turns a probe off).</summary>
/// <param name="UasSentences">First n sentences of UD EWT dev for the implicit-parse UAS (those longer than the sequence length are skipped and counted).</param>
/// <param name="UasMaxWords">When set, only sentences of at most this many words enter the sample (the reference run: first 400 of ≤ 40 words).</param>
public sealed record ProbeConfig(int UasSentences = 500, int? UasMaxWords = null);
