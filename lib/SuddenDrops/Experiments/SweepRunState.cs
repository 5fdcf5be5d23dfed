namespace SuddenDrops.Experiments;

/// <summary>Where one run of a sweep stands.</summary>
public enum SweepRunState
{
    /// <summary>No checkpoint yet: trained from scratch (the trainer refuses a folder whose record has no checkpoint to continue from).</summary>
    NotStarted,

    /// <summary>Has checkpoints but not the last step: resumed.</summary>
    Unfinished,

    /// <summary>Has the checkpoint of its last step, or a record reaching it after its checkpoints were deleted: skipped.</summary>
    Finished,
}
