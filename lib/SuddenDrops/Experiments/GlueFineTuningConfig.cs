namespace SuddenDrops.Experiments;

/// <summary>
/// Hyperparameters of GLUE fine-tuning. Defaults follow BERT's recipe (Devlin et al. 2019, §4.1 and appendix A.3):
/// AdamW at 2e-5 (weight decay 0.01, not on biases and LayerNorm), 3 epochs, batch 32, at most 128 pieces, linear
/// warm-up over the first 10% of the updates then linear decay to 0, gradient-norm clipping at 1, dropout 0.1.
/// </summary>
/// <param name="MaxPieces">Longest input, specials included; capped by the pretraining sequence length
/// (<see cref="EffectiveMaxPieces"/>), since positions beyond it were never trained.</param>
/// <param name="MaxTrain">When set, a seeded random subset of this many training examples is used (for CPU budgets).</param>
/// <param name="Seed">Seeds the classifier head, dropout, the subset and the batch order.</param>
/// <param name="EvalBatchSize">Dev examples per forward pass.</param>
public sealed record GlueFineTuningConfig(
    double LearningRate = 2e-5,
    int Epochs = 3,
    int BatchSize = 32,
    int MaxPieces = 128,
    double WarmupFraction = 0.1,
    double WeightDecay = 0.01,
    double ClipNorm = 1.0,
    double Dropout = 0.1,
    int? MaxTrain = null,
    int Seed = 0,
    int EvalBatchSize = 128)
{
    /// <summary>The piece limit used for a model pretrained on sequences of <paramref name="sequenceLength"/> pieces.</summary>
    public int EffectiveMaxPieces(int sequenceLength) => Math.Min(MaxPieces, sequenceLength);

    public GlueFineTuningConfig Validate()
    {
        if (LearningRate <= 0) throw new ArgumentException($"LearningRate must be positive, got {LearningRate}.");
        if (Epochs < 1) throw new ArgumentException($"Epochs must be positive, got {Epochs}.");
        if (BatchSize < 1 || EvalBatchSize < 1) throw new ArgumentException($"Batch sizes must be positive, got {BatchSize} and {EvalBatchSize}.");
        if (MaxPieces < 5) throw new ArgumentException($"MaxPieces must be at least 5, got {MaxPieces}.");
        if (WarmupFraction is < 0 or > 1) throw new ArgumentException($"WarmupFraction must be in [0, 1], got {WarmupFraction}.");
        if (MaxTrain is < 1) throw new ArgumentException($"MaxTrain must be positive, got {MaxTrain}.");
        return this;
    }
}
