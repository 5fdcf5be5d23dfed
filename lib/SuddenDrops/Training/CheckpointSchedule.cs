namespace SuddenDrops.Training;

/// <summary>
/// When to evaluate and checkpoint: every <see cref="DenseEvery"/> steps up to <see cref="DenseUntil"/>
/// (the transitions happen early), then every <see cref="SparseEvery"/> steps, and always at the last step.
/// </summary>
public sealed record CheckpointSchedule(int DenseEvery = 100, int DenseUntil = 2000, int SparseEvery = 500)
{
    /// <summary>True when the state after <paramref name="step"/> completed updates is checkpointed (step 0 = before training).</summary>
    public bool IsCheckpoint(long step, long totalSteps) =>
        step == 0 || step == totalSteps
        || (step <= DenseUntil ? step % DenseEvery == 0 : step % SparseEvery == 0);

    public IEnumerable<long> Steps(long totalSteps)
    {
        for (long s = 0; s <= totalSteps; s++)
            if (IsCheckpoint(s, totalSteps)) yield return s;
    }
}
