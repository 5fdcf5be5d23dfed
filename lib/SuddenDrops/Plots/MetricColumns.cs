namespace SuddenDrops.Plots;

/// <summary>The <c>metrics.csv</c> columns the figures read (written by the trainer and the checkpoint probes).</summary>
public static class MetricColumns
{
    /// <summary>Training step of the checkpoint (0 = before training).</summary>
    public const string Step = "step";

    /// <summary>Held-out MLM cross-entropy (nats per masked piece).</summary>
    public const string EvalLoss = "eval_loss";

    /// <summary>Held-out MLM accuracy.</summary>
    public const string EvalAccuracy = "eval_acc";

    /// <summary>Headline implicit-parse UAS: best (layer, head, direction) over all words.</summary>
    public const string Uas = "uas";

    /// <summary>The best fixed-offset baseline UAS on the same words (a constant of the probe sample).</summary>
    public const string UasOffsetBaseline = "uas_offset";

    /// <summary>BLiMP accuracy, mean over paradigms, on the checkpoint sample (BlimpProbe).</summary>
    public const string Blimp = "blimp";

    /// <summary>Mean GLUE score of the fine-tuned final checkpoint, when a sweep recorded it.</summary>
    public const string Glue = "glue";

    /// <summary>Prefix of the TwoNN intrinsic dimension of token vectors after layer k (k = 0: embeddings): <c>id_L0</c>, <c>id_L1</c>, …</summary>
    public const string IntrinsicDimensionPrefix = "id_L";
}
