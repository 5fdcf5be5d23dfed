using System.Text.Json.Serialization;

namespace SuddenDrops.Training;

/// <summary>Where the dependency edges of the syntactic regulariser come from.</summary>
public enum EdgeSource
{
    /// <summary>Treebank sentences added as their own padded rows to every batch (a share of it); the raw rows carry no edges.
    /// Named "labelledRows" in config.json (the format predates the American spelling of the identifier).</summary>
    [JsonStringEnumMemberName("labelledRows")]
    LabeledRows,

    /// <summary>The silver trees of the packed training rows themselves (the corpus is built from parsed text), as in
    /// Chen et al. (2024): no extra rows; edges whose ends fall in different rows are dropped.</summary>
    TrainingRows,
}
