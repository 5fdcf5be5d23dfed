namespace SuddenDrops.Plots;

/// <summary>The four training variants of the paper's causal experiments (see <see cref="RunVariant"/>).</summary>
public enum RunVariantKind
{
    /// <summary>No syntactic regulariser.</summary>
    Base,

    /// <summary>SAS+: the regulariser rewards attention on dependency edges.</summary>
    Promoted,

    /// <summary>SAS−: the regulariser penalises attention on dependency edges for the whole run.</summary>
    Suppressed,

    /// <summary>SAS−(k): penalised until step k, then released.</summary>
    SuppressedUntil,
}
