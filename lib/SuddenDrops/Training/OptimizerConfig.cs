namespace SuddenDrops.Training;

/// <summary>How the learning rate moves after warm-up.</summary>
public enum LearningRateDecay { Linear, Constant }

/// <summary>AdamW (Loshchilov &amp; Hutter 2019) with BERT's settings and a warm-up schedule.</summary>
/// <param name="WeightDecay">Applied to weight matrices and embeddings only, never to biases or LayerNorm parameters.</param>
/// <param name="ClipNorm">Global gradient-norm clipping threshold.</param>
public sealed record OptimizerConfig(
    double LearningRate = 1e-4,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-6,
    double WeightDecay = 0.01,
    int WarmupSteps = 1000,
    LearningRateDecay Decay = LearningRateDecay.Linear,
    double ClipNorm = 1.0);
