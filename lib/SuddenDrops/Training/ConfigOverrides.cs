using SuddenDrops.Model;

namespace SuddenDrops.Training;

/// <summary>
/// Changes to a preset, each optional (null: keep the preset's), and the rules that keep the result consistent: a new width
/// sets the feed-forward width to 4 × it unless <see cref="Ffn"/> is given; a sequence length beyond the model's positions
/// raises them; <see cref="CheckpointEvery"/> replaces the dense-then-sparse schedule by one interval; probe settings are
/// written into the config only when the preset has some or one is given. The CLI (<c>sdrops train|sweep|bench</c>) and the
/// notebooks' live training both build their configurations through <see cref="ApplyTo"/>.
/// </summary>
public sealed record ConfigOverrides
{
    public int? Steps { get; init; }
    public int? BatchSize { get; init; }
    public int? SequenceLength { get; init; }
    public double? LearningRate { get; init; }
    public int? Warmup { get; init; }
    public LearningRateDecay? Decay { get; init; }
    public int? Layers { get; init; }
    public int? Hidden { get; init; }
    public int? Heads { get; init; }
    public int? Ffn { get; init; }
    public double? Dropout { get; init; }
    /// <summary>Pieces to prune the vocabulary to; 0 keeps all.</summary>
    public int? Vocab { get; init; }
    public IReadOnlyList<string>? Sources { get; init; }
    public int? Seed { get; init; }
    public int? Threads { get; init; }
    public string? Device { get; init; }
    /// <summary>"auto", "fp32" or "bf16" (<see cref="PrecisionChoice.Parse"/>); null is auto.</summary>
    public string? Precision { get; init; }
    public Kernels? Kernels { get; init; }
    public int? CheckpointEvery { get; init; }
    public int? SlowProbesEvery { get; init; }
    public int? BlimpPerParadigm { get; init; }
    /// <summary>Train on the sources' silver parses (<see cref="CorpusConfig.Parsed"/>).</summary>
    public bool Silver { get; init; }

    /// <summary>The preset with these changes, validated.</summary>
    public TrainingConfig ApplyTo(TrainingConfig preset)
    {
        var model = preset.Model;
        if (Layers is int layers) model = model with { Layers = layers };
        if (Hidden is int hidden) model = model with { Hidden = hidden, Intermediate = 4 * hidden };
        if (Heads is int heads) model = model with { Heads = heads };
        if (Ffn is int ffn) model = model with { Intermediate = ffn };
        if (Dropout is double dropout) model = model with { Dropout = dropout };
        var corpus = preset.Corpus with { Parsed = Silver };
        if (Vocab is int vocab) corpus = corpus with { PrunedVocabulary = vocab > 0 ? vocab : null };
        if (Sources is { } sources) corpus = corpus with { Sources = sources };
        var optimizer = preset.Optimizer;
        if (LearningRate is double lr) optimizer = optimizer with { LearningRate = lr };
        if (Warmup is int warmup) optimizer = optimizer with { WarmupSteps = warmup };
        if (Decay is LearningRateDecay decay) optimizer = optimizer with { Decay = decay };
        var checkpoints = preset.Checkpoints;
        if (CheckpointEvery is int every)
            checkpoints = every >= 1 ? new CheckpointSchedule(DenseEvery: every, DenseUntil: 0, SparseEvery: every)
                : throw new ArgumentException($"--checkpoint-every must be positive, got {every}.");
        var probes = preset.ProbeSettings;
        if (SlowProbesEvery is int slow)
            probes = slow >= 1 ? probes with { SlowProbesEvery = slow } : throw new ArgumentException($"--slow-probes-every must be positive, got {slow}.");
        if (BlimpPerParadigm is int blimp)
            probes = blimp >= 0 ? probes with { BlimpPerParadigm = blimp } : throw new ArgumentException($"--blimp-per-paradigm must be 0 or more, got {blimp}.");
        var sequenceLength = SequenceLength ?? preset.SequenceLength;
        if (sequenceLength > model.MaxPositions) model = model with { MaxPositions = sequenceLength };
        return (preset with
        {
            Model = model,
            Corpus = corpus,
            Optimizer = optimizer,
            Checkpoints = checkpoints,
            Probes = preset.Probes is null && probes == preset.ProbeSettings ? null : probes, // configs without probes stay without
            SequenceLength = sequenceLength,
            Steps = Steps ?? preset.Steps,
            BatchSize = BatchSize ?? preset.BatchSize,
            Seed = Seed ?? preset.Seed,
            Device = Device ?? preset.Device,
            Threads = Threads ?? preset.Threads,
            Precision = PrecisionChoice.Parse(Precision, Device ?? preset.Device),
            Kernels = Kernels ?? preset.Kernels,
        }).Validate();
    }
}
