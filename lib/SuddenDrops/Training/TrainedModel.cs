using SuddenDrops.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace SuddenDrops.Training;

/// <summary>
/// A model loaded back from a run folder for evaluation (UAS, BLiMP, TwoNN, GLUE).
/// <c>path</c> may be the run folder (its latest checkpoint), a <c>checkpoints/step-N</c> folder, or its <c>model.bin</c>
/// (<see cref="RunFolder.OfCheckpoint"/> finds the run above a checkpoint).
/// </summary>
public sealed class TrainedModel : IDisposable
{
    public MaskedLanguageModel Model { get; }
    public TrainingConfig Config { get; }
    public RunFolder Run { get; }
    public long Step { get; }
    public string CheckpointPath { get; }
    public Device Device { get; }

    private TrainedModel(MaskedLanguageModel model, TrainingConfig config, RunFolder run, long step, string checkpointPath, Device device)
    {
        Model = model;
        Config = config;
        Run = run;
        Step = step;
        CheckpointPath = checkpointPath;
        Device = device;
    }

    /// <summary>The vocabulary file of the run (written when the run started).</summary>
    public string VocabPath => Run.VocabPath;

    /// <param name="precision">Arithmetic of the evaluation's matmuls (fp32 unless asked; see <see cref="PrecisionChoice"/>).</param>
    public static TrainedModel Load(string path, string device = "cpu", Precision precision = Precision.Fp32)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && Path.GetFileName(full) == CheckpointStore.ModelFile) full = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(full))
            throw new FileNotFoundException($"No checkpoint at {path}: expected a run folder, a {RunFolder.CheckpointsFolder}/step-N folder or its {CheckpointStore.ModelFile}.");

        RunFolder run;
        long step;
        if (new RunFolder(full) is { HasConfig: true } folder)
        {
            run = folder;
            var steps = run.Checkpoints.Steps();
            if (steps.Count == 0) throw new FileNotFoundException($"{path} is a run folder without any complete checkpoint.");
            step = steps[^1];
        }
        else
        {
            run = RunFolder.OfCheckpoint(full);
            if (!run.HasConfig)
                throw new FileNotFoundException($"{path}: no {RunFolder.ConfigFile} in the run folder above it ({run.Root}).");
            step = CheckpointStore.ReadStateAt(full).Step;
        }
        var config = run.LoadConfig();
        var dev = DeviceSelection.Resolve(device);
        var store = run.Checkpoints;
        var model = new MaskedLanguageModel(config.Model) { Precision = precision };
        store.Load(step, model, optimizer: null);
        model.to(dev);
        model.eval();
        return new TrainedModel(model, config, run, step, store.PathFor(step), dev);
    }

    public void Dispose() => Model.Dispose();
}
