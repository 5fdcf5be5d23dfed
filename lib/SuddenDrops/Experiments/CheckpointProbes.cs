using SuddenDrops.Data;
using SuddenDrops.Metrics;
using SuddenDrops.Model;
using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>The measurements taken at every checkpoint of a training run, beside the held-out MLM loss.</summary>
public static class CheckpointProbes
{
    public const string EwtDev = "ud/en_ewt-ud-dev.conllu";

    public static IReadOnlyList<ICheckpointProbe> Default(TrainingJob job)
    {
        var settings = job.Config.ProbeSettings;
        var device = DeviceSelection.Resolve(job.Config.Device);
        var encoder = new WordPieceEncoder(job.Prepared.Vocabulary);
        var probes = new List<ICheckpointProbe>();
        if (settings.UasSentences > 0)
        {
            var treebank = Path.Combine(job.DataRoot.Path, EwtDev);
            if (!File.Exists(treebank)) throw new FileNotFoundException($"The UAS probe needs UD EWT dev at {treebank} (or run with --no-probes).");
            var sample = ConlluReader.Read(treebank).Where(s => settings.UasMaxWords is not int max || s.Count <= max).Take(settings.UasSentences);
            probes.Add(new UasProbe(new ImplicitParseEvaluation(sample, encoder, job.Config.SequenceLength), device));
        }
        return probes;
    }
}
