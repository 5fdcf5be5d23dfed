using SuddenDrops.Model;

namespace SuddenDrops.Training;

/// <summary>Named training configurations. Every value can be overridden from the command line.</summary>
public static class Presets
{
    public static IReadOnlyList<string> Names { get; } = ["tiny", "small-cpu", "small", "base"];

    public static TrainingConfig Get(string name) => name.ToLowerInvariant() switch
    {
        "tiny" => Tiny,
        "small-cpu" => SmallCpu,
        "small" => Small,
        "base" => Base,
        _ => throw new ArgumentException($"Unknown preset '{name}'. Known presets: {string.Join(", ", Names)}."),
    };

    /// <summary>
    /// Sized for a 2-core CPU so that the structure onset arrives within about half an hour: a 2-layer, 128-wide,
    /// 4-head model on 64-piece sequences, with the vocabulary pruned to the 4,096 most frequent multi-character
    /// pieces plus every character (6,095 pieces: the full 30k-piece embedding would be most of the parameters).
    /// Batch 64 and a constant learning rate of 7e-4 after 300 warm-up steps: in the GPU search (README, "The tiny
    /// preset") batch 32 never left the plateau within 10k steps at any learning rate, and 7e-4 at batch 64 broke out
    /// earliest (UAS 0.15 → 0.27 between steps 5,500 and 6,500, about 25M tokens).
    /// </summary>
    public static TrainingConfig Tiny { get; } = new(
        Preset: "tiny",
        Model: new BertConfig(VocabSize: 6095, Layers: 2, Hidden: 128, Heads: 4, Intermediate: 512, MaxPositions: 128),
        Corpus: new CorpusConfig(["wikipedia", "gutenberg"], PrunedVocabulary: 4096),
        SequenceLength: 64,
        BatchSize: 64,
        Steps: 8000,
        Optimizer: new OptimizerConfig(LearningRate: 7e-4, WarmupSteps: 300, Decay: LearningRateDecay.Constant),
        Masking: new MaskingConfig(),
        Checkpoints: new CheckpointSchedule(DenseEvery: 100, DenseUntil: 8000, SparseEvery: 500),
        Probes: new ProbeConfig(SlowProbesEvery: 500),
        Kernels: Kernels.Fast);

    /// <summary>
    /// The second scale for a 2-core CPU (issue 17's search, candidate <c>s-64</c>): the reference run's model (4 × 256 × 4,
    /// FFN 1,024), learning rate and warm-up on Wikipedia, with the tiny preset's pruned vocabulary (6,095 pieces) and rows
    /// of 64 pieces (batch 128, 8,192 tokens per step), which halve the attention's cost; 13,000 steps are the reference's
    /// 106M tokens. Probes as in the search: the MLM loss and UAS on the reference's 400 EWT dev sentences of ≤ 40 words at
    /// every checkpoint (every 100 steps), BLiMP on 20 pairs per paradigm and TwoNN every 500 steps. About 8 hours on one
    /// thread of this CPU, bf16.
    /// </summary>
    public static TrainingConfig SmallCpu { get; } = new(
        Preset: "small-cpu",
        Model: BertConfig.Small(vocabSize: 6095) with { MaxPositions = 128 },
        Corpus: new CorpusConfig(["wikipedia"], PrunedVocabulary: 4096),
        SequenceLength: 64,
        BatchSize: 128,
        Steps: 13_000,
        Optimizer: new OptimizerConfig(LearningRate: 5e-4, Epsilon: 1e-8, WarmupSteps: 500, Decay: LearningRateDecay.Constant),
        Masking: new MaskingConfig(),
        Checkpoints: new CheckpointSchedule(DenseEvery: 100, DenseUntil: 0, SparseEvery: 100),
        Probes: new ProbeConfig(UasSentences: 400, UasMaxWords: 40, BlimpPerParadigm: 20, SlowProbesEvery: 500),
        Kernels: Kernels.Fast);

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
        Probes: new ProbeConfig(UasSentences: 400, UasMaxWords: 40, BlimpPerParadigm: 20),
        Kernels: Kernels.Fast);

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
        Checkpoints: new CheckpointSchedule(DenseEvery: 500, DenseUntil: 20_000, SparseEvery: 5_000),
        Kernels: Kernels.Fast);
}
