using SuddenDrops.Model;

namespace SuddenDrops.Training;

/// <summary>Named training configurations. Every value can be overridden from the command line.</summary>
public static class Presets
{
    public static IReadOnlyList<string> Names { get; } = ["tiny", "small", "base"];

    public static TrainingConfig Get(string name) => name.ToLowerInvariant() switch
    {
        "tiny" => Tiny,
        "small" => Small,
        "base" => Base,
        _ => throw new ArgumentException($"Unknown preset '{name}'. Known presets: {string.Join(", ", Names)}."),
    };

    /// <summary>
    /// Sized for a 2-core CPU: a 2-layer, 128-wide model on 64-piece sequences with the vocabulary pruned to
    /// 4,096 pieces (the full 30k-piece embedding would be most of the parameters and, through the MLM
    /// projection, most of the time). See the README's "tiny preset" section for the search that chose it.
    /// </summary>
    public static TrainingConfig Tiny { get; } = new(
        Preset: "tiny",
        Model: new BertConfig(VocabSize: 4096, Layers: 2, Hidden: 128, Heads: 4, Intermediate: 512, MaxPositions: 128),
        Corpus: new CorpusConfig(["wikipedia", "gutenberg"], PrunedVocabulary: 4096),
        SequenceLength: 64,
        BatchSize: 32,
        Steps: 6000,
        Optimizer: new OptimizerConfig(LearningRate: 1e-3, WarmupSteps: 300),
        Masking: new MaskingConfig(),
        Checkpoints: new CheckpointSchedule(DenseEvery: 100, DenseUntil: 2000, SparseEvery: 250));

    /// <summary>The reference run's settings (../shared/reference): 4 × 256 × 4 on Wikipedia, T 128, batch 128, lr 5e-4 constant after 500 warm-up steps.</summary>
    public static TrainingConfig Small { get; } = new(
        Preset: "small",
        Model: BertConfig.Small() with { MaxPositions = 128 },
        Corpus: new CorpusConfig(["wikipedia"]),
        SequenceLength: 128,
        BatchSize: 128,
        Steps: 6500,
        Optimizer: new OptimizerConfig(LearningRate: 5e-4, Epsilon: 1e-8, WarmupSteps: 500, Decay: LearningRateDecay.Constant),
        Masking: new MaskingConfig(),
        Checkpoints: new CheckpointSchedule(DenseEvery: 50, DenseUntil: 4000, SparseEvery: 250),
        Probes: new ProbeConfig(UasSentences: 400, UasMaxWords: 40));

    /// <summary>BERT-base (Devlin et al. 2019): 12 × 768 × 12, T 128, batch 256, lr 1e-4, 10k warm-up steps.</summary>
    public static TrainingConfig Base { get; } = new(
        Preset: "base",
        Model: BertConfig.Base(),
        Corpus: new CorpusConfig(["wikipedia", "gutenberg"]),
        SequenceLength: 128,
        BatchSize: 256,
        Steps: 100_000,
        Optimizer: new OptimizerConfig(LearningRate: 1e-4, WarmupSteps: 10_000),
        Masking: new MaskingConfig(),
        Checkpoints: new CheckpointSchedule(DenseEvery: 500, DenseUntil: 20_000, SparseEvery: 5_000));
}
