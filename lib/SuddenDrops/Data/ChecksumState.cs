namespace SuddenDrops.Data;

/// <summary>How a data set's files compare with the catalog's SHA-256 values.</summary>
public enum ChecksumState
{
    /// <summary>Every present file (and the combined checksum, where the set has one) matches.</summary>
    Ok,

    /// <summary>At least one present file differs from the reference copy.</summary>
    Mismatch,

    /// <summary>Checksums were not computed (asked not to, or no file is present).</summary>
    NotChecked,
}
