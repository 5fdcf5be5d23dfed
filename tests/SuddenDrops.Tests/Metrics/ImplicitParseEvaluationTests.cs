using System.Text.Json;
using SuddenDrops.Data;
using SuddenDrops.Metrics;
using SuddenDrops.Model;
using SuddenDrops.Text;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Metrics;

/// <summary>The model-facing UAS probe: batching, skipping, and the attention dump that lets other tools recompute UAS.</summary>
public class ImplicitParseEvaluationTests
{
    private static (MaskedLanguageModel Model, WordPieceEncoder Encoder, List<DependencySentence> Sentences) Setup()
    {
        var encoder = WordPieceEncoder.Load(SharedData.PathOf("vocab/bert-base-uncased-vocab.txt"));
        manual_seed(11);
        var model = new MaskedLanguageModel(new BertConfig(encoder.Vocabulary.Count, Layers: 2, Hidden: 32, Heads: 4, Intermediate: 64, MaxPositions: 64));
        model.eval();
        var sentences = ConlluReader.Read(UasTestData.EwtDev).Take(60).ToList();
        return (model, encoder, sentences);
    }

    [Fact]
    public void Counts_sentences_longer_than_the_limit_as_skipped()
    {
        var (model, encoder, sentences) = Setup();
        using var _ = model;
        var evaluation = new ImplicitParseEvaluation(sentences, encoder, maxPieces: 24);
        Assert.True(evaluation.SkippedCount > 0);
        var report = evaluation.Evaluate(model, CPU);
        Assert.Equal(sentences.Count, report.SentencesUsed + report.SentencesSkipped);
        Assert.Equal(evaluation.SkippedCount, report.SentencesSkipped);
        Assert.Equal(evaluation.Sentences.Sum(s => s.Count), report.Words);
    }

    [Fact]
    public void Batched_extraction_equals_one_sentence_at_a_time()
    {
        var (model, encoder, sentences) = Setup();
        using var _ = model;
        var evaluation = new ImplicitParseEvaluation(sentences, encoder, maxPieces: 64);
        var batched = evaluation.WordAttentions(model, CPU).ToList();
        for (int k = 0; k < 5; k++)
        {
            var single = new ImplicitParseEvaluation([evaluation.Sentences[k]], encoder, 64).WordAttentions(model, CPU).Single();
            Assert.Equal(single.Attention.Values.Length, batched[k].Attention.Values.Length);
            for (int i = 0; i < single.Attention.Values.Length; i++)
                Assert.True(Math.Abs(single.Attention.Values[i] - batched[k].Attention.Values[i]) < 1e-5, $"unit value {i} of sentence {k}");
        }
    }

    [Fact]
    public void The_attention_dump_recomputes_the_same_headline_uas()
    {
        var (model, encoder, sentences) = Setup();
        using var _ = model;
        var evaluation = new ImplicitParseEvaluation(sentences, encoder, maxPieces: 64);
        var report = evaluation.Evaluate(model, CPU);
        var writer = new StringWriter();
        var dump = new AttentionDump(writer);
        foreach (var (s, a) in evaluation.WordAttentions(model, CPU)) dump.Write(s, a);

        // Recompute the best head's UAS from the JSON alone, as an outside tool would.
        var h = report.Headline;
        long correct = 0, words = 0;
        foreach (var line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var heads = doc.RootElement.GetProperty("heads").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var map = doc.RootElement.GetProperty("attention")[h.Layer][h.Head];
            int n = heads.Length;
            Assert.Equal(n + 2, map.GetArrayLength());
            for (int i = 1; i <= n; i++)
            {
                int best = -1;
                double bestValue = double.NegativeInfinity;
                for (int j = 1; j <= n; j++)
                {
                    if (j == i) continue;
                    double v = h.Direction == AttentionDirection.DependentToHead ? map[i][j].GetDouble() : map[j][i].GetDouble();
                    if (v > bestValue) { bestValue = v; best = j; }
                }
                if (best == heads[i - 1]) correct++;
                words++;
            }
        }
        Assert.Equal(report.Words, words);
        Assert.Equal(h.Uas, (double)correct / words, 3);
    }
}
