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
            var sentences = ReadEwtDev(job.DataRoot.Path);
            if (settings.UasSentences > 0)
                probes.Add(new UasProbe(UasSample(settings, sentences, encoder, job.Config.SequenceLength), device));
            if (settings.TwoNNPoints > 0)
                probes.Add(Thinned(new TwoNNProbe(TwoNNSample(settings, sentences, encoder, job.Config.SequenceLength), device), settings.SlowProbesEvery));
        }
        if (settings.BlimpPerParadigm > 0)
            probes.Add(Thinned(new BlimpProbe(BlimpSample(settings, job.DataRoot.Path, encoder), device), settings.SlowProbesEvery));
        return probes;
    }

    /// <summary>UD EWT dev under the data root, which the UAS and TwoNN probes read.</summary>
    public static IReadOnlyList<DependencySentence> ReadEwtDev(string dataRoot)
    {
        var treebank = Path.Combine(dataRoot, EwtDev);
        if (!File.Exists(treebank)) throw new FileNotFoundException($"The UAS and TwoNN probes need UD EWT dev at {treebank} (or run with --no-probes).", treebank);
        return ConlluReader.Read(treebank).ToList();
    }

    /// <summary>The UAS probe's sample: the first <see cref="ProbeConfig.UasSentences"/> of EWT dev (of at most <see cref="ProbeConfig.UasMaxWords"/> words when set).</summary>
    public static ImplicitParseEvaluation UasSample(ProbeConfig settings, IEnumerable<DependencySentence> ewtDev, WordPieceEncoder encoder, int sequenceLength)
    {
        var sample = ewtDev.Where(s => settings.UasMaxWords is not int max || s.Count <= max).Take(settings.UasSentences);
        return new ImplicitParseEvaluation(sample, encoder, sequenceLength);
    }

    /// <summary>The TwoNN probe's sample: <see cref="ProbeConfig.TwoNNPoints"/> token positions of EWT dev.</summary>
    public static IntrinsicDimensionEvaluation TwoNNSample(ProbeConfig settings, IEnumerable<DependencySentence> ewtDev, WordPieceEncoder encoder, int sequenceLength) =>
        new(ewtDev.Select(s => s.Words), encoder, sequenceLength, settings.TwoNNPoints);

    /// <summary>The BLiMP probe's sample: <see cref="ProbeConfig.BlimpPerParadigm"/> pairs per paradigm, seeded by <see cref="BlimpProbe.SampleSeed"/>.</summary>
    public static BlimpEvaluation BlimpSample(ProbeConfig settings, string dataRoot, WordPieceEncoder encoder)
    {
        var blimp = Path.Combine(dataRoot, BlimpData);
        if (!Directory.Exists(blimp)) throw new DirectoryNotFoundException($"The BLiMP probe needs {blimp} (or run with --no-probes).");
        return new BlimpEvaluation(Data.BlimpSample.Select(BlimpReader.ReadDirectory(blimp), settings.BlimpPerParadigm, BlimpProbe.SampleSeed), encoder);
    }

    private static ICheckpointProbe Thinned(ICheckpointProbe probe, int? every) => every is int n && n > 0 ? new EveryNSteps(probe, n) : probe;

    /// <summary>Runs an expensive probe only at steps that are multiples of <c>every</c>; other rows leave its columns empty.</summary>
    private sealed class EveryNSteps(ICheckpointProbe inner, int every) : ICheckpointProbe
    {
        public IReadOnlyDictionary<string, object?> Measure(MaskedLanguageModel model, long step) =>
            step % every == 0 ? inner.Measure(model, step) : new Dictionary<string, object?>();
    }
}
