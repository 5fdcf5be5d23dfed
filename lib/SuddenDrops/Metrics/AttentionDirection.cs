using System.Text.Json.Serialization;

namespace SuddenDrops.Metrics;

/// <summary>
/// How one attention head is read as a dependency parser (Clark et al. 2019, §4.2; Chen et al. 2024, §2.1).
/// Serialised as <c>"dep2head"</c> / <c>"head2dep"</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttentionDirection>))]
public enum AttentionDirection
{
    /// <summary>The predicted head of word i is the word i attends to most: argmax_j A[i, j].</summary>
    [JsonStringEnumMemberName("dep2head")]
    DependentToHead = 0,

    /// <summary>The predicted head of word i is the word that attends to i most: argmax_j A[j, i].</summary>
    [JsonStringEnumMemberName("head2dep")]
    HeadToDependent = 1,
}
