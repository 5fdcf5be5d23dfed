using System.Diagnostics;
using SuddenDrops.Data;
using SuddenDrops.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SuddenDrops.Parsing;

/// <summary>
/// Trains a <see cref="BiaffineParserModel"/> on a treebank with early stopping on the dev LAS: Adam (lr, β₁, β₂ of the
/// config), gradient norm clipped, batches of sentences of similar length in random order; after each epoch the dev
/// treebank is parsed (MST decoding), the best model is kept as <c>model.bin</c>, and model + optimiser go to <c>last/</c>
/// so that <see cref="Run"/> with resume continues from the next epoch. The learning rate is multiplied by
/// <see cref="ParserConfig.PlateauFactor"/> after <see cref="ParserConfig.PlateauEpochs"/> epochs without a better dev LAS
/// (reduce-on-plateau). Stops after <see cref="ParserConfig.Patience"/> epochs without a better dev LAS, or after
/// <see cref="ParserConfig.MaxEpochs"/>.
/// </summary>
public sealed class ParserTrainer
{
    private readonly ParserFolder _folder;
    private readonly IReadOnlyList<DependencySentence> _train;
    private readonly IReadOnlyList<DependencySentence> _dev;
    private readonly Device _device;

    /// <param name="config">Used for a fresh folder; a resumed folder keeps its own config.json.</param>
    public ParserTrainer(ParserConfig config, string folder, IReadOnlyList<DependencySentence> train, IReadOnlyList<DependencySentence> dev, Device? device = null)
    {
        Config = config.Validate();
        _folder = new ParserFolder(folder);
        _train = train.Count > 0 ? train : throw new ArgumentException("The parser needs training sentences.");
        _dev = dev.Count > 0 ? dev : throw new ArgumentException("The parser needs dev sentences for early stopping.");
        _device = device ?? CPU;
    }

    public ParserConfig Config { get; private set; }

    /// <summary>Raised after each optimiser step: (step within the epoch, steps in the epoch, loss).</summary>
    public event Action<int, int, double>? StepDone;

    /// <summary>How many times one run redoes an epoch whose training went non-finite before it gives up.</summary>
    public const int MaxRetries = 3;

    /// <summary>Raised when an epoch is redone from the last saved one: (epoch, what went non-finite).</summary>
    public event Action<int, string>? Retried;

    /// <summary>Raised after each epoch (dev scores included).</summary>
    public event Action<ParserEpoch>? EpochDone;

    /// <summary>Trains until early stopping. With <paramref name="resume"/> an existing folder continues after its last epoch.</summary>
    public ParserTrainingState Run(bool resume, CancellationToken cancellation = default)
    {
        var (vocabulary, state) = PrepareFolder(resume);
        if (Config.Threads > 0) set_num_threads(Config.Threads);
        manual_seed(Config.Seed); // the initialisation too (it was unseeded: one seed gave different runs)
        using var model = new BiaffineParserModel(Config, vocabulary);
        model.to(_device);
        // FlatAdamW with no weight decay is Adam; unlike TorchSharp's Adam it holds every Scalar it passes to libtorch
        // (an implicit double → Scalar temporary can be finalised during the native call, see Parser.md).
        using var optimizer = new FlatAdamW(model, OptimizerConfig);
        if (state.EpochsDone > 0)
        {
            model.load(_folder.LastModelPath);
            optimizer.Load(_folder.LastOptimizerPath);
        }
        var parser = new DependencyParser(model, vocabulary, _device);
        int retries = 0;
        if (state.LearningRate <= 0) state = state with { LearningRate = Config.LearningRate };
        while (!state.Stopped && !cancellation.IsCancellationRequested)
        {
            var epoch = state.EpochsDone + 1;
            optimizer.LearningRate = state.LearningRate;
            var clock = Stopwatch.StartNew();
            int steps;
            double arcLoss, relLoss;
            long words;
            AttachmentScores dev;
            double trainSeconds;
            try
            {
                (steps, arcLoss, relLoss, words) = TrainEpoch(model, optimizer, vocabulary, epoch, cancellation);
                if (cancellation.IsCancellationRequested) break;
                trainSeconds = clock.Elapsed.TotalSeconds;
                dev = parser.Evaluate(_dev);
                if (!double.IsFinite(arcLoss) || !double.IsFinite(relLoss)) throw new ParserDivergedException($"epoch {epoch}: mean loss {arcLoss} + {relLoss}");
            }
            catch (Exception error) when (IsDivergence(error) && retries < MaxRetries && state.EpochsDone > 0)
            {
                // A non-finite value (seen twice in epoch 2 of a 1-thread run, at different steps of identical runs, so not
                // a property of the data or the seed): redo the epoch from the last saved one, as --resume would.
                retries++;
                Retried?.Invoke(epoch, error.Message);
                model.load(_folder.LastModelPath);
                optimizer.Load(_folder.LastOptimizerPath);
                continue;
            }
            var result = new ParserEpoch(epoch, steps, arcLoss, relLoss, dev.Uas, dev.Las, trainSeconds, clock.Elapsed.TotalSeconds - trainSeconds, words / trainSeconds, state.LearningRate);
            state = Advance(state, result, model);
            SaveLast(model, optimizer);
            JsonFiles.Save(_folder.StatePath, state);
            EpochDone?.Invoke(result);
        }
        return state;
    }

    private (ParserVocabulary Vocabulary, ParserTrainingState State) PrepareFolder(bool resume)
    {
        if (File.Exists(_folder.StatePath))
        {
            if (!resume)
                throw new InvalidOperationException($"{_folder.Root} already holds a parser run (state.json); resume it or choose another folder.");
            Config = JsonFiles.Load<ParserConfig>(_folder.ConfigPath).Validate();
            return (ParserVocabulary.Load(_folder.VocabularyPath), JsonFiles.Load<ParserTrainingState>(_folder.StatePath));
        }
        Directory.CreateDirectory(_folder.Root);
        var vocabulary = ParserVocabulary.Build(_train, Config.MinWordCount);
        JsonFiles.Save(_folder.ConfigPath, Config);
        vocabulary.Save(_folder.VocabularyPath);
        return (vocabulary, ParserTrainingState.Start);
    }

    private (int Steps, double ArcLoss, double RelationLoss, long Words) TrainEpoch(BiaffineParserModel model, FlatAdamW optimizer,
        ParserVocabulary vocabulary, int epoch, CancellationToken cancellation)
    {
        model.train();
        manual_seed(SeedMix(epoch));
        var batches = Batches(new Random(SeedMix(epoch)));
        double arcSum = 0, relSum = 0;
        long words = 0;
        var step = 0;
        foreach (var indices in batches)
        {
            if (cancellation.IsCancellationRequested) break;
            using var scope = NewDisposeScope();
            var sentences = indices.Select(i => _train[i]).ToList();
            using var batch = ParserBatch.Create(sentences.Select(s => s.Words).ToList(), vocabulary, Config.MaxWordChars, _device,
                sentences.Select(s => (s.Heads, s.Relations)).ToList());
            optimizer.ZeroGrad();
            var (loss, arcLoss, relLoss) = model.Loss(batch);
            loss.backward();
            var nonFinite = NonFiniteGradients(model).ToList(); // before clipping spreads a NaN norm to every gradient
            var gradNorm = optimizer.ClipGradNorm(Config.ClipNorm).item<float>();
            if (!float.IsFinite(loss.item<float>()) || !float.IsFinite(gradNorm))
                throw new ParserDivergedException($"epoch {epoch}, step {step + 1}: loss {loss.item<float>()}, gradient norm {gradNorm}; "
                    + $"non-finite gradients in: {string.Join(", ", nonFinite)}");
            optimizer.Step();
            arcSum += arcLoss.item<float>();
            relSum += relLoss.item<float>();
            words += batch.SentenceLengths.Sum();
            step++;
            StepDone?.Invoke(step, batches.Count, loss.item<float>());
        }
        return (step, arcSum / Math.Max(1, step), relSum / Math.Max(1, step), words);
    }

    private static IEnumerable<string> NonFiniteGradients(BiaffineParserModel model) =>
        model.named_parameters().Where(p => p.parameter.grad is Tensor g && !g.isfinite().all().item<bool>()).Select(p => p.name);

    /// <summary>Shuffled batches of sentences of similar length: shuffle, sort windows of 50 batches by length, cut, shuffle batches.</summary>
    private List<int[]> Batches(Random random)
    {
        var order = Enumerable.Range(0, _train.Count).ToArray();
        random.Shuffle(order);
        var batches = order.Chunk(50 * Config.BatchSentences)
            .SelectMany(window => window.OrderBy(i => _train[i].Count).Chunk(Config.BatchSentences))
            .ToArray();
        random.Shuffle(batches);
        return [.. batches];
    }

    private static bool IsDivergence(Exception error) =>
        error is ParserDivergedException || (error is ArgumentException && error.Message.Contains("NaN", StringComparison.Ordinal));

    /// <summary>Adam (Kingma and Ba) with the parser's learning rate and betas: no weight decay, ε 1e-8 (PyTorch's default).</summary>
    private OptimizerConfig OptimizerConfig => new(LearningRate: Config.LearningRate, Beta1: Config.Beta1, Beta2: Config.Beta2,
        Epsilon: 1e-8, WeightDecay: 0, ClipNorm: Config.ClipNorm);

    private int SeedMix(int epoch) => unchecked(Config.Seed * 1_000_003 + epoch);

    private ParserTrainingState Advance(ParserTrainingState state, ParserEpoch result, BiaffineParserModel model)
    {
        var next = state.After(result, Config);
        if (next.BestEpoch == result.Epoch)
            AtomicFile.Write(_folder.ModelPath, tmp => model.save(tmp));
        return next;
    }

    private void SaveLast(BiaffineParserModel model, FlatAdamW optimizer)
    {
        Directory.CreateDirectory(_folder.LastFolder);
        AtomicFile.Write(_folder.LastModelPath, tmp => model.save(tmp));
        AtomicFile.Write(_folder.LastOptimizerPath, optimizer.Save);
    }
}

/// <summary>Training produced a non-finite loss.</summary>
public sealed class ParserDivergedException(string message) : Exception(message);
