using SuddenDrops.Training;

namespace SuddenDrops.Tests.Fixtures;

/// <summary>
/// The tiny preset at a quarter of its width (32 wide, FFN 64) on a small text corpus, batches of 4, one held-out eval
/// batch, a checkpoint every step: a real run whose training and probes take seconds.
/// </summary>
internal static class QuarterTiny
{
    public static TrainingConfig Config(string corpus, int steps, ProbeConfig probes, int vocabulary = 1000, int sequenceLength = 64) =>
        Presets.Tiny with
        {
            Model = Presets.Tiny.Model with { Hidden = 32, Intermediate = 64 },
            Corpus = new CorpusConfig([corpus], PrunedVocabulary: vocabulary, HeldOutEvery: 10),
            SequenceLength = sequenceLength,
            BatchSize = 4,
            Steps = steps,
            EvalBatches = 1,
            Checkpoints = new CheckpointSchedule(DenseEvery: 1, DenseUntil: steps, SparseEvery: 1),
            Probes = probes,
        };
}
