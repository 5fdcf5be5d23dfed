namespace SuddenDrops.Training;

/// <summary>What is measured at each checkpoint beside the held-out MLM loss (0 turns a probe off).</summary>
/// <param name="UasSentences">First n sentences of UD EWT dev for the implicit-parse UAS (those longer than the sequence length are skipped and counted).</param>
public sealed record ProbeConfig(int UasSentences = 500);
