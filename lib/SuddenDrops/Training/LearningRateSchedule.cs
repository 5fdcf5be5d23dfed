namespace SuddenDrops.Training;

/// <summary>
/// Linear warm-up from 0 to the peak over <c>WarmupSteps</c>, then either linear decay to 0 at the last step
/// (BERT) or a constant rate (the reference run).
/// </summary>
public static class LearningRateSchedule
{
    /// <summary>Learning rate used for the update of step <paramref name="step"/> (0-based).</summary>
    public static double At(OptimizerConfig config, long step, long totalSteps)
    {
        double peak = config.LearningRate;
        if (config.WarmupSteps > 0 && step < config.WarmupSteps)
            return peak * (step + 1) / config.WarmupSteps;
        if (config.Decay == LearningRateDecay.Constant) return peak;
        double remaining = totalSteps - step;
        double span = Math.Max(1, totalSteps - config.WarmupSteps);
        return peak * Math.Clamp(remaining / span, 0, 1);
    }
}
