using SuddenDrops.Experiments;
using SuddenDrops.Metrics;
using SuddenDrops.Training;

namespace SuddenDrops.Runs;

/// <summary>
/// The evaluation reports kept beside a run's metrics (<see cref="RunFolder.EvalPath"/>): <c>evals/blimp-step-NNNNNNN.json</c>
/// (from <c>sdrops blimp</c>) and <c>evals/glue-step-NNNNNNN.json</c> (from <c>sdrops glue</c>), each for one checkpoint.
/// "Final" is the run's last checkpoint, the last step of its held-out loss curve.
/// </summary>
public static class FinalEvaluation
{
    /// <summary>Where the <paramref name="kind"/> report (<see cref="RunFolder.BlimpEval"/>, <see cref="RunFolder.GlueEval"/>) of step <paramref name="step"/> is kept.</summary>
    public static string PathFor(RecordedRun run, string kind, long step) => run.RunFolder.EvalPath(kind, step);

    /// <summary>The run's last checkpoint step, or null when its metrics have no held-out loss.</summary>
    public static long? LastStep(RecordedRun run) =>
        run.Series(MetricColumns.EvalLoss) is { IsEmpty: false } loss ? (long)loss.Steps[^1] : null;

    /// <summary>BLiMP report of step <paramref name="step"/> (default: the last), or null when there is none.</summary>
    public static BlimpReport? Blimp(RecordedRun run, long? step = null) =>
        Load<CheckpointReport<BlimpReport>>(run, RunFolder.BlimpEval, step)?.Report;

    /// <summary>GLUE report of step <paramref name="step"/> (default: the last), or null when there is none.</summary>
    public static GlueReport? Glue(RecordedRun run, long? step = null) => Load<GlueReport>(run, RunFolder.GlueEval, step);

    private static T? Load<T>(RecordedRun run, string kind, long? step) where T : class
    {
        if ((step ?? LastStep(run)) is not long s) return null;
        var path = PathFor(run, kind, s);
        return File.Exists(path) ? JsonFiles.Load<T>(path) : null;
    }
}
