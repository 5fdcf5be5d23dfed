namespace SuddenDrops.Experiments;

/// <summary>Milliseconds per training step by phase (<see cref="TrainingBenchmark.Phases"/>).</summary>
public sealed record StepPhases(double Batch, double Forward, double Loss, double Backward, double Clip, double Optimizer)
{
    public double Total => Batch + Forward + Loss + Backward + Clip + Optimizer;
}
