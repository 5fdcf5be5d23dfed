namespace SuddenDrops.Data;

/// <summary>One GLUE example.</summary>
/// <param name="TextA">The sentence (single-sentence tasks) or the first sentence of the pair.</param>
/// <param name="TextB">The second sentence for pair tasks (MRPC, STS-B, RTE); null for CoLA and SST-2.</param>
/// <param name="Label">Class index (0 or 1) for classification tasks, the similarity score in [0, 5] for STS-B.</param>
public sealed record GlueExample(string TextA, string? TextB, float Label);
