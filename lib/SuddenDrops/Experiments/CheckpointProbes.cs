using SuddenDrops.Data;
using SuddenDrops.Metrics;
using SuddenDrops.Model;
using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Experiments;

/// <summary>
/// The measurements taken at every checkpoint of a training run, beside the held-out MLM loss: implicit-parse UAS,
/// BLiMP on a fixed sample (pseudo-log-likelihood) and the TwoNN intrinsic dimension of every layer, each turned off by a
/// 0 in <see cref="ProbeConfig"/>. UAS and TwoNN read UD EWT dev (held out from the training corpora); BLiMP reads
/// <c>blimp/data</c>.
/// </summary>
public static class CheckpointProbes
{
    public const string EwtDev = "ud/en_ewt-ud-dev.conllu";
    public const string BlimpData = "blimp/data";

    public static IReadOnlyList<ICheckpointProbe> Default(TrainingJob job)
    {
        var settings = job.Config.ProbeSettings;
        var device = DeviceSelection.Resolve(job.Config.Device);
        var encoder = new WordPieceEncoder(job.Prepared.Vocabulary);
        var probes = new List<ICheckpointProbe>();
        if (settings.UasSentences > 0 || settings.TwoNNPoints > 0)
        {
            var treebank = Path.Combine(job.DataRoot.Path, EwtDev);
            if (!File.Exists(treebank)) throw new FileNotFoundException($"The UAS and TwoNN probes need UD EWT dev at {treebank} (or run with --no-probes).");
            var sentences = ConlluReader.Read(treebank).ToList();
            if (settings.UasSentences > 0)
            {
                var sample = sentences.Where(s => settings.UasMaxWords is not int max || s.Count <= max).Take(settings.UasSentences);
                probes.Add(new UasProbe(new ImplicitParseEvaluation(sample, encoder, job.Config.SequenceLength), device));
            }
            if (settings.TwoNNPoints > 0)
                probes.Add(Thinned(new TwoNNProbe(new IntrinsicDimensionEvaluation(sentences.Select(s => s.Words), encoder, job.Config.SequenceLength, settings.TwoNNPoints), device), settings.SlowProbesEvery));
        }
        if (settings.BlimpPerParadigm > 0)
        {
            var blimp = Path.Combine(job.DataRoot.Path, BlimpData);
            if (!Directory.Exists(blimp)) throw new DirectoryNotFoundException($"The BLiMP probe needs {blimp} (or run with --no-probes).");
            var sample = BlimpSample.Select(BlimpReader.ReadDirectory(blimp), settings.BlimpPerParadigm, BlimpProbe.SampleSeed);
            probes.Add(Thinned(new BlimpProbe(new BlimpEvaluation(sample, encoder), device), settings.SlowProbesEvery));
        }
        return probes;
    }

    private static ICheckpointProbe Thinned(ICheckpointProbe probe, int? every) => every is int n && n > 0 ? new EveryNSteps(probe, n) : probe;

    /// <summary>Runs an expensive probe only at steps that are multiples of <c>every</c>; other rows leave its columns empty.</summary>
    private sealed class EveryNSteps(ICheckpointProbe inner, int every) : ICheckpointProbe
    {
        public IReadOnlyDictionary<string, object?> Measure(MaskedLanguageModel model, long step) =>
            step % every == 0 ? inner.Measure(model, step) : new Dictionary<string, object?>();
    }
}
