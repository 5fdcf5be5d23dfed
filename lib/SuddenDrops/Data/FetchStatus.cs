namespace SuddenDrops.Data;

/// <summary>What happened to one data set in <see cref="DataFetcher.FetchAllAsync"/>.</summary>
public enum FetchStatus
{
    /// <summary>Files were downloaded (or built) and verified.</summary>
    Fetched,

    /// <summary>Everything was already there with the right checksums; nothing downloaded.</summary>
    AlreadyPresent,

    /// <summary>The set has no public URL for its exact bytes; <see cref="FetchOutcome.Message"/> says how to build it.</summary>
    NeedsBuild,

    /// <summary>Fetching failed; <see cref="FetchOutcome.Message"/> says why. Files already in place were left alone.</summary>
    Failed,
}
