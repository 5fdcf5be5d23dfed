using System.Globalization;

namespace SuddenDrops.Training;

/// <summary>
/// The column names of a run's <c>metrics.csv</c> (one row per checkpoint: the trainer's columns, then those of the
/// checkpoint probes, <see cref="ICheckpointProbe"/>) and <c>train_log.csv</c> (one row every LogEvery steps), and of
/// <c>curves/probes.csv</c>, which repeats the probes' columns. The one spelling: the trainer and the probes write with
/// these names, and every reader (figures, summaries, onsets, sweeps) reads with them.
/// </summary>
public static class MetricColumns
{
    /// <summary>Training step of the checkpoint or log row (0 = before training); the key of every table.</summary>
    public const string Step = "step";

    /// <summary>Tokens seen up to the step (step × tokens per step).</summary>
    public const string Tokens = "tokens";

    /// <summary>Wall-clock seconds of training up to the step.</summary>
    public const string Seconds = "seconds";

    /// <summary>Training MLM loss (mean over the steps since the previous row).</summary>
    public const string TrainLoss = "train_loss";

    /// <summary>Held-out MLM cross-entropy (nats per masked piece).</summary>
    public const string EvalLoss = "eval_loss";

    /// <summary>Held-out MLM accuracy.</summary>
    public const string EvalAccuracy = "eval_acc";

    /// <summary>Cross-entropy of the unigram distribution of the training pieces on the same held-out masks (a constant of the run).</summary>
    public const string UnigramLoss = "unigram_loss";

    /// <summary><c>train_log.csv</c>: learning rate of the step.</summary>
    public const string LearningRate = "lr";

    /// <summary><c>train_log.csv</c>: training throughput since the previous row.</summary>
    public const string TokensPerSecond = "tokens_per_s";

    /// <summary><c>train_log.csv</c>, with a regulariser: signed λ of the step.</summary>
    public const string Lambda = "lambda";

    /// <summary><c>train_log.csv</c>, with a regulariser: the regulariser R (before λ).</summary>
    public const string Regularizer = "reg";

    /// <summary><c>train_log.csv</c>, with a regulariser: R per gold edge.</summary>
    public const string RegularizerPerEdge = "reg_per_edge";

    /// <summary><c>train_log.csv</c>, with a regulariser: λ·R, the regulariser's share of the loss.</summary>
    public const string RegularizerLoss = "reg_loss";

    /// <summary>Headline implicit-parse UAS: best (layer, head, direction) over all words.</summary>
    public const string Uas = "uas";

    /// <summary>That head, as "layer-head-direction".</summary>
    public const string UasHead = "uas_head";

    /// <summary>Mean attention of that head on the gold head.</summary>
    public const string UasContinuous = "uas_cont";

    /// <summary>UAS of that head on the non-root words.</summary>
    public const string UasNonRoot = "uas_nonroot";

    /// <summary>The best fixed-offset baseline UAS on the same words (a constant of the probe sample).</summary>
    public const string UasOffsetBaseline = "uas_offset";

    /// <summary>BLiMP accuracy, mean over paradigms, on the checkpoint sample (BlimpProbe).</summary>
    public const string Blimp = "blimp";

    /// <summary>Prefix of the BLiMP accuracy of one field of the sample: <c>blimp_morphology</c>, <c>blimp_syntax</c>, …</summary>
    public const string BlimpFieldPrefix = "blimp_";

    /// <summary>Mean GLUE score of the fine-tuned final checkpoint, when a sweep recorded it.</summary>
    public const string Glue = "glue";

    /// <summary>Prefix of the TwoNN intrinsic dimension of token vectors after layer k (k = 0: embeddings): <c>id_L0</c>, <c>id_L1</c>, …</summary>
    public const string IntrinsicDimensionPrefix = "id_L";

    /// <summary>Prefix of the TwoNN dimension of token vectors under cosine distance: <c>id_cos_Lk</c>.</summary>
    public const string IntrinsicDimensionCosinePrefix = "id_cos_L";

    /// <summary>Prefix of the TwoNN dimension of the [CLS] vectors after layer k ≥ 1: <c>id_cls_Lk</c>.</summary>
    public const string ClsIntrinsicDimensionPrefix = "id_cls_L";

    /// <summary>Prefix of the TwoNN dimension of the [CLS] vectors under cosine distance: <c>id_cls_cos_Lk</c>.</summary>
    public const string ClsIntrinsicDimensionCosinePrefix = "id_cls_cos_L";

    /// <summary>The BLiMP column of one field of the sample, e.g. <c>blimp_syntax</c>.</summary>
    public static string BlimpField(string field) => BlimpFieldPrefix + field;

    /// <summary>The TwoNN column of token vectors after <paramref name="layer"/>, e.g. <c>id_L2</c>.</summary>
    public static string IntrinsicDimension(int layer) => Layered(IntrinsicDimensionPrefix, layer);

    /// <summary><paramref name="prefix"/> (one of the TwoNN prefixes) followed by the layer.</summary>
    public static string Layered(string prefix, int layer) => prefix + layer.ToString(CultureInfo.InvariantCulture);
}
