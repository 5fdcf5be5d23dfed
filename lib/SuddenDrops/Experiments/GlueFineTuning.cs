using TorchSharp;
using System.Diagnostics;
using System.Text.Json;
using SuddenDrops.Data;
using SuddenDrops.Metrics;
using SuddenDrops.Model;
using SuddenDrops.Text;
using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Experiments;

/// <summary>
/// Fine-tunes a pretrained masked LM on one GLUE task (Wang et al. 2019) with a <see cref="SequenceClassifier"/> on
/// [CLS] and scores it on dev with <see cref="GlueScoring"/>. The whole model is trained (AdamW with BERT's
/// decay groups, <see cref="OptimizerFactory"/>; warm-up then linear decay, <see cref="LearningRateSchedule"/>);
/// pair tasks are fed as <c>[CLS] a [SEP] b [SEP]</c> with token types 0/1 (<see cref="SequencePairEncoder"/>).
/// Batches are shuffled every epoch and padded to their longest input.
/// </summary>
public static class GlueFineTuning
{
    private const long SubsetPurpose = 101, OrderPurpose = 102, HeadPurpose = 103, DropoutPurpose = 104;

    /// <summary>Fine-tunes <paramref name="pretrained"/> (changed in place) on <paramref name="train"/>, scores <paramref name="dev"/>.</summary>
    /// <param name="maxPieces">The piece limit (see <see cref="GlueFineTuningConfig.EffectiveMaxPieces"/>).</param>
    public static GlueTaskResult Run(MaskedLanguageModel pretrained, WordPieceEncoder encoder, GlueTask task,
        IReadOnlyList<GlueExample> train, IReadOnlyList<GlueExample> dev, GlueFineTuningConfig config, int maxPieces,
        Device device, Action<string>? log = null)
    {
        config.Validate();
        if (train.Count == 0 || dev.Count == 0) throw new ArgumentException($"{task.Name}: needs training and dev examples (got {train.Count} and {dev.Count}).");
        var clock = Stopwatch.StartNew();
        var pairs = new SequencePairEncoder(encoder);
        var used = Subset(train, config);
        var trainInputs = used.Select(e => pairs.Encode(e.TextA, e.TextB, maxPieces)).ToArray();
        var devInputs = dev.Select(e => pairs.Encode(e.TextA, e.TextB, maxPieces)).ToArray();

        manual_seed(SeedMix.TorchSeed(config.Seed, HeadPurpose, 0));
        using var classifier = new SequenceClassifier(pretrained, task.IsRegression ? 1 : task.NumClasses, config.Dropout);
        classifier.to(device);
        var batchesPerEpoch = (trainInputs.Length + config.BatchSize - 1) / config.BatchSize;
        var totalSteps = batchesPerEpoch * config.Epochs;
        var optimizerConfig = new OptimizerConfig(
            LearningRate: config.LearningRate, WeightDecay: config.WeightDecay, ClipNorm: config.ClipNorm,
            WarmupSteps: (int)Math.Ceiling(config.WarmupFraction * totalSteps), Decay: LearningRateDecay.Linear);
        using var optimizer = OptimizerFactory.Create(classifier, optimizerConfig);

        var losses = new List<double>(config.Epochs);
        var step = 0;
        classifier.train();
        for (var epoch = 0; epoch < config.Epochs; epoch++)
        {
            var order = Enumerable.Range(0, trainInputs.Length).ToArray();
            SeedMix.Generator(config.Seed, OrderPurpose, epoch).Shuffle(order);
            double lossSum = 0;
            for (var start = 0; start < order.Length; start += config.BatchSize, step++)
            {
                using var scope = NewDisposeScope();
                manual_seed(SeedMix.TorchSeed(config.Seed, DropoutPurpose, step));
                var members = order.AsSpan(start, Math.Min(config.BatchSize, order.Length - start)).ToArray();
                var (ids, mask, types) = Batch(members.Select(i => trainInputs[i]).ToArray(), encoder.Vocabulary.Pad, device);
                var labels = Labels(members.Select(i => used[i].Label).ToArray(), task, device);
                var loss = classifier.Loss(classifier.Forward(ids, mask, types), labels);
                optimizer.zero_grad();
                loss.backward();
                nn.utils.clip_grad_norm_(classifier.parameters().Where(p => p.requires_grad), config.ClipNorm);
                OptimizerFactory.SetLearningRate(optimizer, LearningRateSchedule.At(optimizerConfig, step, totalSteps));
                optimizer.step();
                lossSum += loss.item<float>() * members.Length;
            }
            losses.Add(lossSum / order.Length);
            log?.Invoke($"{task.Name}: epoch {epoch + 1}/{config.Epochs}, training loss {losses[^1]:F4}, {clock.Elapsed.TotalSeconds:F0} s");
        }

        var predictions = Predict(classifier, devInputs, config.EvalBatchSize, encoder.Vocabulary.Pad, device);
        var gold = dev.Select(e => e.Label).ToArray();
        var metrics = GlueScoring.ComputeAll(task, predictions, gold);
        return new GlueTaskResult(
            Task: task.Name,
            TrainAvailable: train.Count,
            TrainUsed: used.Count,
            DevExamples: dev.Count,
            MaxPieces: maxPieces,
            TruncatedTrain: trainInputs.Count(p => p.Truncated > 0),
            TruncatedDev: devInputs.Count(p => p.Truncated > 0),
            Epochs: config.Epochs,
            Steps: step,
            EpochLosses: losses,
            Metrics: metrics.ToDictionary(m => MetricName(m.Key), m => m.Value),
            Score: metrics.Values.Average(),
            MajorityBaseline: MajorityBaseline(task, used, gold),
            Seconds: clock.Elapsed.TotalSeconds);
    }

    /// <summary>JSON name of a metric: camelCase of the enum name (matthewsCorrelation, accuracy, f1, pearson, spearman).</summary>
    public static string MetricName(GlueMetric metric) => JsonNamingPolicy.CamelCase.ConvertName(metric.ToString());

    /// <summary>Predicted labels for <paramref name="inputs"/>, in order; the classifier is in eval mode afterwards.</summary>
    public static float[] Predict(SequenceClassifier classifier, IReadOnlyList<SequencePair> inputs, int batchSize, int padId, Device device)
    {
        classifier.eval();
        using var noGrad = no_grad();
        var predictions = new List<float>(inputs.Count);
        for (var start = 0; start < inputs.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var (ids, mask, types) = Batch(inputs.Skip(start).Take(batchSize).ToArray(), padId, device);
            predictions.AddRange(classifier.Predictions(classifier.Forward(ids, mask, types)));
        }
        return [.. predictions];
    }

    /// <summary>Padded tensors of a batch: ids, attention mask and token types, each [B, T] with T the longest input.</summary>
    public static (Tensor Ids, Tensor Mask, Tensor Types) Batch(IReadOnlyList<SequencePair> inputs, int padId, Device device)
    {
        int b = inputs.Count, t = inputs.Max(p => p.Length);
        var ids = new long[b * t];
        var mask = new long[b * t];
        var types = new long[b * t];
        Array.Fill(ids, padId);
        for (var row = 0; row < b; row++)
            for (var k = 0; k < inputs[row].Length; k++)
                (ids[row * t + k], mask[row * t + k], types[row * t + k]) = (inputs[row].PieceIds[k], 1, inputs[row].TokenTypes[k]);
        return (tensor(ids, [b, t]).to(device), tensor(mask, [b, t]).to(device), tensor(types, [b, t]).to(device));
    }

    private static Tensor Labels(float[] labels, GlueTask task, Device device) => task.IsRegression
        ? tensor(labels).to(device)
        : tensor(labels.Select(l => (long)MathF.Round(l)).ToArray()).to(device);

    /// <summary>All examples, or a seeded random subset of <see cref="GlueFineTuningConfig.MaxTrain"/> in file order.</summary>
    private static IReadOnlyList<GlueExample> Subset(IReadOnlyList<GlueExample> train, GlueFineTuningConfig config)
    {
        if (config.MaxTrain is not int max || max >= train.Count) return train;
        var indices = Enumerable.Range(0, train.Count).ToArray();
        SeedMix.Generator(config.Seed, SubsetPurpose, 0).Shuffle(indices);
        return indices.Take(max).Order().Select(i => train[i]).ToList();
    }

    /// <summary>The score of a constant prediction: the majority training class; 0 for STS-B (a constant has no correlation).</summary>
    private static double MajorityBaseline(GlueTask task, IReadOnlyList<GlueExample> train, float[] gold)
    {
        if (task.IsRegression) return 0;
        var majority = train.GroupBy(e => MathF.Round(e.Label)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return GlueScoring.ComputeAll(task, Enumerable.Repeat(majority, gold.Length).ToArray(), gold).Values.Average();
    }
}
