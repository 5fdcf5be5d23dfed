using System.Diagnostics;
using SuddenDrops.Data;
using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// GLUE for one checkpoint: every task fine-tuned from a fresh copy of the checkpoint (<see cref="GlueFineTuning"/>)
/// and scored on dev. Used by <c>sdrops glue</c> and the sweeps.
/// </summary>
public static class GlueBenchmark
{
    /// <param name="checkpoint">A run folder (its latest checkpoint), a checkpoints/step-N folder or its model.bin.</param>
    /// <param name="tasks">Tasks in the order to run.</param>
    /// <param name="glueDirectory">Folder holding CoLA/, SST-2/, … (the data root's <c>glue</c>).</param>
    public static GlueReport Run(string checkpoint, IReadOnlyList<GlueTask> tasks, string glueDirectory, GlueFineTuningConfig config,
        string device = "cpu", Action<string>? log = null)
    {
        if (tasks.Count == 0) throw new ArgumentException("No GLUE task to run.");
        var clock = Stopwatch.StartNew();
        var results = new List<GlueTaskResult>(tasks.Count);
        string checkpointPath = "", deviceName = "";
        long step = 0;
        foreach (var task in tasks)
        {
            var train = GlueReader.ReadSplit(task, glueDirectory, GlueSplit.Train);
            var dev = GlueReader.ReadSplit(task, glueDirectory, GlueSplit.Dev);
            using var trained = TrainedModel.Load(checkpoint, device);
            (checkpointPath, step, deviceName) = (trained.CheckpointPath, trained.Step, trained.Device.ToString());
            var encoder = WordPieceEncoder.Load(trained.VocabPath);
            var maxPieces = config.EffectiveMaxPieces(trained.Config.SequenceLength);
            var result = GlueFineTuning.Run(trained.Model, encoder, task, train, dev, config, maxPieces, trained.Device, log);
            log?.Invoke($"{task.Name}: {string.Join(", ", result.Metrics.Select(m => $"{m.Key} {m.Value:F3}"))} " +
                        $"(majority baseline {result.MajorityBaseline:F3}; {result.TrainUsed:N0} of {result.TrainAvailable:N0} training examples, {result.Seconds:F0} s)");
            results.Add(result);
        }
        return new GlueReport(checkpointPath, step, deviceName, config, results, results.Average(r => r.Score), clock.Elapsed.TotalSeconds);
    }
}
