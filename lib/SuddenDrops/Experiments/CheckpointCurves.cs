using System.Diagnostics;
using SuddenDrops.Data;
using SuddenDrops.Metrics;
using SuddenDrops.Model;
using SuddenDrops.Text;
using SuddenDrops.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SuddenDrops.Experiments;

/// <summary>
/// Evaluates a finished run's checkpoints after the fact, with the probes of training (same samples, same code: the run's
/// own <see cref="TrainingConfig.ProbeSettings"/>, <see cref="CheckpointProbes"/>' samples, <see cref="UasProbe"/>,
/// <see cref="BlimpProbe"/>, <see cref="TwoNNProbe"/>), so that curves can be kept once the checkpoints are gone. Writes to
/// the output folder (default <c>&lt;run&gt;/curves</c>) the files that <see cref="CurveFiles"/> names. Resumable: a probe
/// whose values are already present for a step is not run again; every write is atomic. Nothing else of the run folder is written.
/// </summary>
public static class CheckpointCurves
{
    /// <summary>Steps that are multiples of <paramref name="every"/>, plus the first and the last, ascending.</summary>
    public static IReadOnlyList<long> SelectSteps(IReadOnlyList<long> steps, int every, DenseWindow? dense = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        if (dense is { Every: < 1 }) throw new ArgumentOutOfRangeException(nameof(dense), "The dense window's interval must be at least 1.");
        if (steps.Count == 0) return [];
        var ordered = steps.Order().ToList();
        return ordered.Where((s, i) => i == 0 || i == ordered.Count - 1 || s % every == 0
                                       || dense is { } w && s >= w.From && s <= w.To && s % w.Every == 0).ToList();
    }

    /// <summary>Evaluates the selected checkpoints of a run; a cancellation stops between checkpoints (what is written stays).</summary>
    public static CheckpointCurvesResult Run(string runDirectory, CheckpointCurvesOptions options, Action<string>? log = null, CancellationToken cancel = default)
    {
        var run = new RunFolder(runDirectory);
        if (!run.HasConfig) throw new FileNotFoundException($"{run.ConfigPath} does not exist: {runDirectory} is not a run folder.", run.ConfigPath);
        var config = run.LoadConfig();
        var vocabPath = run.VocabPath;
        if (!File.Exists(vocabPath)) throw new FileNotFoundException($"{vocabPath} does not exist: the run's vocabulary is needed to encode the probe data.", vocabPath);
        var store = run.Checkpoints;
        var selected = SelectSteps(store.Steps(), options.Every, options.Dense);
        if (selected.Count == 0)
            throw new FileNotFoundException($"{store.Directory} holds no complete checkpoint (step-NNNNNNN/ with {CheckpointStore.StateFile}).", store.Directory);

        var outDirectory = Path.GetFullPath(options.OutDirectory ?? run.CurvesDir);
        Directory.CreateDirectory(outDirectory);
        var relationsPath = Path.Combine(outDirectory, CurveFiles.Relations);
        var relationRows = RelationCurveCsv.Read(relationsPath);
        var probeTable = new MetricsLog(Path.Combine(outDirectory, CurveFiles.Probes));
        var measures = new ProbeSet(config, vocabPath, options, log);

        var evaluated = new List<(long, double)>();
        var skipped = new List<long>();
        foreach (var step in selected)
        {
            if (cancel.IsCancellationRequested) break;
            var missing = options.Probes.Where(p => !IsDone(p, step, relationRows, probeTable)).ToHashSet();
            if (missing.Count == 0)
            {
                skipped.Add(step);
                continue;
            }
            var clock = Stopwatch.StartNew();
            var row = new Dictionary<string, object?> { [MetricColumns.Step] = step };
            using (var model = LoadCheckpoint(store, step, config, options.Device))
            using (no_grad())
            {
                if (missing.Contains(CurveProbe.Relations))
                {
                    var accumulator = measures.Uas().Accumulate(model, measures.Device, new UasOptions(options.MinRelationWords));
                    foreach (var (column, value) in UasProbe.Columns(accumulator.ToReport())) row[column] = value;
                    relationRows.RemoveAll(r => r.Step == step);
                    relationRows.AddRange(RelationCurveRow.Of(step, accumulator.RelationAttachments(options.Relations)));
                    relationRows = [.. relationRows.OrderBy(r => r.Step)]; // stable: each step keeps its relation order
                }
                if (missing.Contains(CurveProbe.Blimp))
                    foreach (var (column, value) in measures.Blimp().Measure(model, step)) row[column] = value;
                if (missing.Contains(CurveProbe.TwoNN))
                    foreach (var (column, value) in measures.TwoNN().Measure(model, step)) row[column] = value;
            }
            if (missing.Contains(CurveProbe.Relations)) RelationCurveCsv.Write(relationsPath, relationRows);
            probeTable.Merge(row);
            evaluated.Add((step, clock.Elapsed.TotalSeconds));
            log?.Invoke($"step {step}: {string.Join(", ", missing)} in {clock.Elapsed.TotalSeconds:F1} s");
        }

        IReadOnlyList<RelationOnset> onsets = [];
        if (options.Probes.Contains(CurveProbe.Relations))
        {
            onsets = RelationOnsets.From(relationRows);
            RelationOnsets.Write(Path.Combine(outDirectory, CurveFiles.RelationOnsets), onsets);
        }
        return new CheckpointCurvesResult(outDirectory, selected, evaluated, skipped, onsets);
    }

    private static bool IsDone(CurveProbe probe, long step, List<RelationCurveRow> relationRows, MetricsLog probeTable)
    {
        var row = probeTable.Find(MetricColumns.Step, step);
        bool Has(string column) => row?.GetValueOrDefault(column) is not null;
        return probe switch
        {
            CurveProbe.Relations => Has(MetricColumns.Uas) && relationRows.Any(r => r.Step == step),
            CurveProbe.Blimp => Has(MetricColumns.Blimp),
            CurveProbe.TwoNN => Has(MetricColumns.IntrinsicDimension(0)),
            _ => throw new ArgumentOutOfRangeException(nameof(probe), probe, null),
        };
    }

    /// <summary>The weights of one checkpoint in a fresh model on <paramref name="device"/>, in eval mode.</summary>
    private static MaskedLanguageModel LoadCheckpoint(CheckpointStore store, long step, TrainingConfig config, string device)
    {
        var weights = Path.Combine(store.PathFor(step), CheckpointStore.ModelFile);
        if (!File.Exists(weights))
            throw new FileNotFoundException($"{weights} does not exist (checkpoint {step} has {CheckpointStore.StateFile} but no weights).", weights);
        var model = new MaskedLanguageModel(config.Model) { Precision = config.Precision }; // the precision its in-training probes used
        try
        {
            store.Load(step, model, optimizer: null);
        }
        catch (Exception error) when (error is not FileNotFoundException)
        {
            model.Dispose();
            throw new InvalidDataException($"{weights}: cannot load the checkpoint's weights into a {config.Model.Layers}-layer, {config.Model.Hidden}-wide model ({error.Message})", error);
        }
        model.to(DeviceSelection.Resolve(device));
        model.eval();
        return model;
    }

    /// <summary>The probes' samples, built on first use from the run's probe settings and vocabulary.</summary>
    /// <remarks>A probe the run turned off (0 in its <see cref="ProbeConfig"/>) gets the default sample size.</remarks>
    private sealed class ProbeSet(TrainingConfig config, string vocabPath, CheckpointCurvesOptions options, Action<string>? log)
    {
        private static readonly ProbeConfig Defaults = new();
        private readonly ProbeConfig settings = config.ProbeSettings;
        private string? dataRoot;
        private WordPieceEncoder? encoder;
        private IReadOnlyList<DependencySentence>? ewtDev;
        private ImplicitParseEvaluation? uas;
        private BlimpProbe? blimp;
        private TwoNNProbe? twoNN;

        public Device Device { get; } = DeviceSelection.Resolve(options.Device);

        public ImplicitParseEvaluation Uas()
        {
            if (uas is not null) return uas;
            uas = CheckpointProbes.UasSample(settings.UasSentences > 0 ? settings : settings with { UasSentences = Defaults.UasSentences }, EwtDev(), Encoder(), config.SequenceLength);
            log?.Invoke($"UAS sample: {uas.SentenceCount} sentences of EWT dev ({uas.SkippedCount} too long).");
            return uas;
        }

        public BlimpProbe Blimp() =>
            blimp ??= new BlimpProbe(CheckpointProbes.BlimpSample(settings.BlimpPerParadigm > 0 ? settings : settings with { BlimpPerParadigm = Defaults.BlimpPerParadigm }, DataRoot(), Encoder()), Device);

        public TwoNNProbe TwoNN() =>
            twoNN ??= new TwoNNProbe(CheckpointProbes.TwoNNSample(settings.TwoNNPoints > 0 ? settings : settings with { TwoNNPoints = Defaults.TwoNNPoints }, EwtDev(), Encoder(), config.SequenceLength), Device);

        private string DataRoot() => dataRoot ??= Data.DataRoot.Resolve(options.DataRoot).Path;

        private WordPieceEncoder Encoder() => encoder ??= WordPieceEncoder.Load(vocabPath);

        private IReadOnlyList<DependencySentence> EwtDev() => ewtDev ??= CheckpointProbes.ReadEwtDev(DataRoot());
    }
}
