using SuddenDrops.Data;
using SuddenDrops.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SuddenDrops.Parsing;

/// <summary>
/// A trained biaffine parser ready to parse tokenised sentences: arc scores → log-softmax over heads → maximum spanning tree
/// with one root word (<see cref="ChuLiuEdmonds"/>) → the best relation at each chosen head ("root" exactly for the root word,
/// never for the others).
/// </summary>
public sealed class DependencyParser : IDisposable
{
    public DependencyParser(BiaffineParserModel model, ParserVocabulary vocabulary, Device device)
    {
        Model = model;
        Vocabulary = vocabulary;
        Device = device;
    }

    public BiaffineParserModel Model { get; }
    public ParserVocabulary Vocabulary { get; }
    public Device Device { get; }
    public ParserConfig Config => Model.Config;

    /// <summary>Loads <c>config.json</c>, <c>vocab.json</c> and the best <c>model.bin</c> of a parser folder.</summary>
    public static DependencyParser Load(string folder, Device? device = null)
    {
        var files = new ParserFolder(folder);
        if (!files.HasModel)
            throw new FileNotFoundException($"{files.Root} holds no trained parser (config.json, vocab.json and model.bin).");
        var config = JsonFiles.Load<ParserConfig>(files.ConfigPath).Validate();
        var vocabulary = ParserVocabulary.Load(files.VocabularyPath);
        var model = new BiaffineParserModel(config, vocabulary);
        model.load(files.ModelPath);
        device ??= CPU;
        model.to(device);
        model.eval();
        return new DependencyParser(model, vocabulary, device);
    }

    /// <summary>Parses one batch of sentences (each a list of words, at least one); the model is used in eval mode.</summary>
    public IReadOnlyList<ParsedSentence> Parse(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        if (sentences.Count == 0) return [];
        if (sentences.FirstOrDefault(s => s.Count == 0) is not null)
            throw new ArgumentException("Cannot parse an empty sentence.");
        var training = Model.training;
        Model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            using var batch = ParserBatch.Create(sentences, Vocabulary, Config.MaxWordChars, Device);
            var (arcs, relDependent, relHead) = Model.Forward(batch);
            var heads = DecodeHeads(nn.functional.log_softmax(arcs, 2), batch.SentenceLengths);
            var relations = DecodeRelations(relDependent, relHead, heads);
            return heads.Select((h, b) => new ParsedSentence(h[1..], relations[b])).ToList();
        }
        finally
        {
            Model.train(training);
        }
    }

    /// <summary>Parses sentences in batches of about <paramref name="batchSentences"/>, sorted by length within each batch window; results in input order.</summary>
    public IReadOnlyList<ParsedSentence> ParseAll(IReadOnlyList<IReadOnlyList<string>> sentences, int batchSentences)
    {
        var results = new ParsedSentence[sentences.Count];
        var order = Enumerable.Range(0, sentences.Count).OrderBy(i => sentences[i].Count).ToArray();
        foreach (var chunk in order.Chunk(batchSentences))
        {
            var parsed = Parse(chunk.Select(i => sentences[i]).ToList());
            for (var k = 0; k < chunk.Length; k++) results[chunk[k]] = parsed[k];
        }
        return results;
    }

    /// <summary>UAS and LAS against gold trees (punctuation included).</summary>
    public AttachmentScores Evaluate(IEnumerable<DependencySentence> gold, int batchSentences = 64)
    {
        var sentences = gold.ToList();
        var parsed = ParseAll(sentences.Select(s => s.Words).ToList(), batchSentences);
        var scores = AttachmentScores.Empty;
        for (var i = 0; i < sentences.Count; i++)
            scores = scores.Add(sentences[i].Heads, sentences[i].Relations, parsed[i]);
        return scores;
    }

    /// <param name="logProbabilities">[B, T, T] log P(head j | dependent i).</param>
    /// <returns>Per sentence heads[0..n] with heads[0] = -1.</returns>
    private static int[][] DecodeHeads(Tensor logProbabilities, int[] lengths)
    {
        var positions = (int)logProbabilities.shape[1];
        var values = logProbabilities.to(ScalarType.Float64).cpu().data<double>().ToArray();
        var heads = new int[lengths.Length][];
        for (var b = 0; b < lengths.Length; b++)
        {
            var nodes = lengths[b] + 1;
            var scores = new double[nodes, nodes];
            var offset = b * positions * positions;
            for (var d = 0; d < nodes; d++)
                for (var h = 0; h < nodes; h++)
                    scores[d, h] = values[offset + d * positions + h];
            heads[b] = ChuLiuEdmonds.Decode(scores);
        }
        return heads;
    }

    private string[][] DecodeRelations(Tensor relDependent, Tensor relHead, int[][] heads)
    {
        var (batch, positions) = ((int)relDependent.shape[0], (int)relDependent.shape[1]);
        var flat = new long[batch * positions];
        for (var b = 0; b < batch; b++)
            for (var d = 1; d < heads[b].Length; d++)
                flat[b * positions + d] = heads[b][d];
        using var headTensor = tensor(flat, [batch, positions], device: Device);
        var scores = Model.RelationScores(relDependent, relHead, headTensor); // [B, T, L]
        var root = Vocabulary.RootRelation;
        if (root >= 0)
        {
            using var minusInfinity = double.NegativeInfinity.ToScalar();
            using var rootScores = scores.select(2, root);
            rootScores.fill_(minusInfinity);
        }
        var best = scores.argmax(2).cpu().data<long>().ToArray();         // [B·T]
        return heads.Select((h, b) => Enumerable.Range(1, h.Length - 1)
            .Select(d => h[d] == 0 && root >= 0 ? "root" : Vocabulary.Relation((int)best[b * positions + d]))
            .ToArray()).ToArray();
    }

    public void Dispose() => Model.Dispose();
}
