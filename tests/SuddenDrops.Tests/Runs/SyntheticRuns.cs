using SuddenDrops.Training;

namespace SuddenDrops.Tests.Runs;

/// <summary>
/// Run folders with hand-made metrics.csv files (written with the trainer's own <see cref="MetricsLog"/>): UAS, loss, BLiMP
/// and TwoNN curves around a known logistic jump, so that the figures have every column the probes will write.
/// </summary>
internal static class SyntheticRuns
{
    /// <summary>Checkpoints every 100 steps up to 4,000.</summary>
    public static readonly double[] Steps = [.. Enumerable.Range(0, 41).Select(i => i * 100.0)];

    /// <summary>Jump width (steps) of every synthetic run.</summary>
    public const double Width = 200;

    /// <summary>
    /// Writes <c>folder/name/metrics.csv</c>: UAS 0.12 → <paramref name="uasTop"/> around <paramref name="jumpAt"/> (no jump when null),
    /// loss falling by <paramref name="lossDrop"/> with it (and shifted by <paramref name="lossShift"/> throughout), BLiMP
    /// 0.5 → <paramref name="blimpTop"/>, TwoNN of 3 layers dipping between the onsets.
    /// </summary>
    public static string Write(string folder, string name, double? jumpAt, double uasTop = 0.3, double lossDrop = 0.8, int seed = 1,
        bool blimp = true, bool twoNn = true, double? glue = null, double lossShift = 0, double blimpTop = 0.65)
    {
        var run = Path.Combine(folder, name);
        Directory.CreateDirectory(run);
        var log = new MetricsLog(Path.Combine(run, "metrics.csv"));
        var random = new Random(seed);
        foreach (var step in Steps)
        {
            var jump = jumpAt is double s0 ? 1 / (1 + Math.Exp(-(step - s0) / Width)) : 0;
            var row = new Dictionary<string, object?>
            {
                ["step"] = step,
                ["eval_loss"] = 7 + lossShift - (1 - Math.Exp(-step / 300)) - lossDrop * jump + Noise(random, 0.005),
                ["uas"] = 0.12 + (uasTop - 0.12) * jump + Noise(random, 0.003),
                ["uas_head"] = "1-2-head2dep",
                ["uas_offset"] = 0.287,
            };
            if (blimp) row["blimp"] = 0.5 + (blimpTop - 0.5) * jump + Noise(random, 0.003);
            if (twoNn)
                for (var layer = 0; layer < 3; layer++)
                {
                    var dip = jumpAt is double s1 ? 4 * Math.Exp(-Math.Pow((step - s1 - 100) / 150, 2)) : 0;
                    row[$"id_L{layer}"] = 10 + 3 * layer + 4 * (1 - Math.Exp(-step / 500)) - dip + Noise(random, 0.1);
                }
            log.Append(row);
        }
        if (glue is double average) WriteGlue(run, (long)Steps[^1], average);
        return run;
    }

    /// <summary>A sweep folder with base (seeds 1, 2), SAS+, SAS− and SAS−(500), SAS−(3000), GLUE on all of them.</summary>
    public static string Sweep(string folder)
    {
        Write(folder, "base-s1", 2000, glue: 0.55);
        Write(folder, "base-s2", 2200, seed: 2, glue: 0.56);
        Write(folder, "sas+-s1", 1200, uasTop: 0.45, glue: 0.54);
        Write(folder, "sas--s1", null, lossDrop: 0, glue: 0.50);
        Write(folder, "sas-@500-s1", 1000, glue: 0.57);
        Write(folder, "sas-@3000-s1", 3300, lossDrop: 0.6, glue: 0.52);
        return folder;
    }

    private static double Noise(Random random, double sd) =>
        sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>A one-task GLUE report (as <c>sdrops glue</c> writes it) of step <paramref name="step"/> averaging <paramref name="average"/>.</summary>
    public static void WriteGlue(string run, long step, double average)
    {
        var task = new SuddenDrops.Experiments.GlueTaskResult("RTE", 1000, 1000, 100, 64, 0, 0, 3, 94, [0.7, 0.6, 0.5],
            new Dictionary<string, double> { ["accuracy"] = average }, average, 0.527, 1);
        var report = new SuddenDrops.Experiments.GlueReport(Path.Combine(run, "checkpoints", $"step-{step:D7}"), step, "cpu",
            new SuddenDrops.Experiments.GlueFineTuningConfig(), [task], average, 1);
        SuddenDrops.Training.JsonFiles.Save(new RunFolder(run).EvalPath(RunFolder.GlueEval, step), report);
    }
}
