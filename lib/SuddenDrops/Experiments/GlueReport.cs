namespace SuddenDrops.Experiments;

/// <summary>GLUE fine-tuning of one checkpoint (<c>sdrops glue</c>).</summary>
/// <param name="Checkpoint">The checkpoint folder fine-tuned from.</param>
/// <param name="Step">Its pretraining step.</param>
/// <param name="Device">Where it ran.</param>
/// <param name="Config">Fine-tuning hyperparameters.</param>
/// <param name="Tasks">Each task's result, in the order asked for.</param>
/// <param name="Average">Mean of the tasks' scores (each task the mean of its metrics, as GLUE averages).</param>
/// <param name="Seconds">Wall time of all tasks.</param>
public sealed record GlueReport(
    string Checkpoint,
    long Step,
    string Device,
    GlueFineTuningConfig Config,
    IReadOnlyList<GlueTaskResult> Tasks,
    double Average,
    double Seconds);
