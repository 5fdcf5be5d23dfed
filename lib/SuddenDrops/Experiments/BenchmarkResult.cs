using SuddenDrops.Model;

namespace SuddenDrops.Experiments;

/// <summary>Result of <see cref="TrainingBenchmark.Run"/>; one JSON line of <c>sdrops bench</c> (keys as in bench/hf_bench.py).</summary>
/// <param name="Mode">fp32 (strict), tf32, bf16, with "-attn" when the attention probabilities were materialised: the names bench/compare.sh pairs.</param>
/// <param name="Tf32">Whether fp32 matmuls ran on TF32 tensor cores (CUDA only).</param>
/// <param name="Parameters">Trainable values, the tied decoder counted once.</param>
/// <param name="Regularizer">The syntactic-regulariser variant timed with the step ("none": plain MLM).</param>
public sealed record BenchmarkResult(
    string Preset, string Device, string Mode, int Layers, int Hidden, int Heads, int Intermediate, int VocabSize, int MaxPositions,
    int SequenceLength, int BatchSize, Precision Precision, bool Tf32, bool WithAttentions, int Steps,
    double MillisecondsPerStep, double TokensPerSecond, long Parameters, string Regularizer = "none");
