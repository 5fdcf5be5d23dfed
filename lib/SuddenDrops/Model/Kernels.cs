namespace SuddenDrops.Model;

/// <summary>
/// Which implementation of the random and fused kernels a model trains with. Both compute the same model (BERT with
/// dropout 0.1 on embeddings, attention probabilities and residual branches); they differ in how fast they run on a CPU
/// and in which random numbers they draw, so a run keeps the set it was started with (recorded in <c>config.json</c>;
/// configs written before the field existed read back as <see cref="Reference"/>, and resume exactly).
/// </summary>
public enum Kernels
{
    /// <summary>libtorch's own: Bernoulli dropout masks (one 64-bit draw per element, serial on AMD CPUs), and
    /// <c>scaled_dot_product_attention</c>, whose CPU path falls back to its unfused "math" kernel when dropout is on.</summary>
    Reference,

    /// <summary>On CPU: dropout masks from xoshiro256** (<see cref="FastDropout"/>: ~0.3 ns per element against ~10 for
    /// libtorch's Bernoulli), and attention written out (scores, fp32 softmax, dropout, product) in training. On CUDA the same
    /// as <see cref="Reference"/>, whose fused kernels are the fast ones there.</summary>
    Fast,
}
