namespace SuddenDrops.Experiments;

/// <summary>Where one run of a sweep stands.</summary>
public enum SweepRunState
{
    /// <summary>No checkpoint yet: trained from scratch.</summary>
    NotStarted,

    /// <summary>Has checkpoints but not the last step: resumed.</summary>
    Unfinished,

    /// <summary>Has the checkpoint of its last step: skipped.</summary>
    Finished,
}
