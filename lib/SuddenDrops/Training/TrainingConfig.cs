using SuddenDrops.Model;

namespace SuddenDrops.Training;

/// <summary>Everything that defines a masked-LM training run. Immutable; written to <c>config.json</c>.</summary>
/// <param name="Preset">Name of the preset it came from (tiny, small, base, …).</param>
/// <param name="Model">Model shape; VocabSize is filled in from the run's vocabulary.</param>
/// <param name="SequenceLength">Pieces per packed sequence, [CLS] and [SEP] included.</param>
/// <param name="Steps">Optimiser updates in the whole run.</param>
/// <param name="EvalBatches">Fixed held-out batches for the MLM loss and accuracy at each checkpoint.</param>
/// <param name="Device">"cpu", "cuda", "cuda:N" or "auto".</param>
/// <param name="Threads">CPU threads for libtorch (0: libtorch's default).</param>
/// <param name="LogEvery">Steps between rows of <c>train_log.csv</c> and progress updates.</param>
/// <param name="Probes">Measurements at each checkpoint (UAS, …).</param>
/// <param name="Precision">fp32 or bf16 mixed precision of the matmuls; master weights, LayerNorm, softmax and loss are
/// fp32 either way. The record's default is fp32, so configs written before it existed read back as fp32; the CLI's
/// default is <see cref="PrecisionChoice.Auto"/> (bf16 on CPUs that multiply it natively).</param>
/// <param name="Kernels">Implementation of dropout and attention (<see cref="Model.Kernels"/>): the presets use
/// <see cref="Model.Kernels.Fast"/>; configs written before the field existed read back as <see cref="Model.Kernels.Reference"/>
/// and resume with the kernels they were made with.</param>
/// <param name="Regularizer">The syntactic regulariser and its labelled data (null: plain MLM on raw text).</param>
public sealed record TrainingConfig(
    string Preset,
    BertConfig Model,
    CorpusConfig Corpus,
    int SequenceLength,
    int BatchSize,
    int Steps,
    OptimizerConfig Optimizer,
    MaskingConfig Masking,
    CheckpointSchedule Checkpoints,
    int EvalBatches = 10,
    int Seed = 0,
    string Device = "cpu",
    int Threads = 0,
    int LogEvery = 10,
    ProbeConfig? Probes = null,
    Precision Precision = Precision.Fp32,
    RegularizerConfig? Regularizer = null,
    Kernels Kernels = Kernels.Reference)
{
    public TrainingConfig Validate()
    {
        Model.Validate();
        if (SequenceLength < 4 || SequenceLength > Model.MaxPositions)
            throw new ArgumentException($"SequenceLength must be in [4, {Model.MaxPositions}], got {SequenceLength}.");
        if (BatchSize < 1) throw new ArgumentException($"BatchSize must be positive, got {BatchSize}.");
        if (Steps < 1) throw new ArgumentException($"Steps must be positive, got {Steps}.");
        if (Corpus.Sources.Count == 0) throw new ArgumentException("The corpus needs at least one source.");
        Regularizer?.Validate(BatchSize);
        return this;
    }

    /// <summary>The probes, with defaults when the config does not name them.</summary>
    public ProbeConfig ProbeSettings => Probes ?? new ProbeConfig();

    public long TokensPerStep => (long)BatchSize * SequenceLength;
}
