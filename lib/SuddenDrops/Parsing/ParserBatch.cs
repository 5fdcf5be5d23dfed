using static TorchSharp.torch;

namespace SuddenDrops.Parsing;

/// <summary>
/// Tensors of a batch of sentences for <see cref="BiaffineParserModel"/>. Position 0 of every row is the artificial ROOT
/// word; word i of a sentence (1-based, as in CoNLL-U) is position i. Rows are padded to the longest sentence.
/// </summary>
public sealed class ParserBatch : IDisposable
{
    /// <summary>Label of padding and of relations to ignore in the loss (PyTorch's default ignore index).</summary>
    public const long Ignore = -100;

    private ParserBatch(Tensor words, Tensor chars, Tensor lengths, Tensor dependents, Tensor? heads, Tensor? relations, int[] sentenceLengths)
    {
        Words = words;
        Chars = chars;
        Lengths = lengths;
        Dependents = dependents;
        Heads = heads;
        Relations = relations;
        SentenceLengths = sentenceLengths;
    }

    /// <summary>[B, T] word ids (ROOT at 0, PAD after the sentence).</summary>
    public Tensor Words { get; }

    /// <summary>[B, T, C] character ids of each word, PAD-filled.</summary>
    public Tensor Chars { get; }

    /// <summary>[B] int64: words + 1 (the root) per row.</summary>
    public Tensor Lengths { get; }

    /// <summary>[B, T] bool: true at the real words 1..n (not at ROOT, not at padding).</summary>
    public Tensor Dependents { get; }

    /// <summary>[B, T] gold head positions (0 = ROOT), <see cref="Ignore"/> where no word; null when built without gold.</summary>
    public Tensor? Heads { get; }

    /// <summary>[B, T] gold relation ids, <see cref="Ignore"/> where no word or the relation is unknown; null without gold.</summary>
    public Tensor? Relations { get; }

    /// <summary>Words per sentence (without the root), in row order.</summary>
    public int[] SentenceLengths { get; }

    public int Size => SentenceLengths.Length;

    /// <summary>Builds a batch from word lists; with <paramref name="gold"/>, heads and relations too (same order).</summary>
    public static ParserBatch Create(IReadOnlyList<IReadOnlyList<string>> sentences, ParserVocabulary vocabulary, int maxWordChars, Device device,
        IReadOnlyList<(IReadOnlyList<int> Heads, IReadOnlyList<string> Relations)>? gold = null)
    {
        var batch = sentences.Count;
        var sentenceLengths = sentences.Select(s => s.Count).ToArray();
        var positions = sentenceLengths.Max() + 1;
        var words = new long[batch * positions];
        var chars = new long[batch * positions * maxWordChars];
        var lengths = new long[batch];
        var dependents = new bool[batch * positions];
        var heads = gold is null ? null : Enumerable.Repeat(Ignore, batch * positions).ToArray();
        var relations = gold is null ? null : Enumerable.Repeat(Ignore, batch * positions).ToArray();
        for (var b = 0; b < batch; b++)
        {
            var row = b * positions;
            words[row] = ParserVocabulary.Root;
            chars[row * maxWordChars] = ParserVocabulary.Root;
            lengths[b] = sentenceLengths[b] + 1;
            for (var i = 0; i < sentenceLengths[b]; i++)
            {
                var word = sentences[b][i];
                var at = row + i + 1;
                words[at] = vocabulary.WordId(word);
                dependents[at] = true;
                for (var c = 0; c < Math.Min(word.Length, maxWordChars); c++)
                    chars[at * maxWordChars + c] = vocabulary.CharId(word[c]);
                if (gold is not null)
                {
                    heads![at] = gold[b].Heads[i];
                    relations![at] = vocabulary.TryRelationId(gold[b].Relations[i]) ?? Ignore;
                }
            }
        }
        return new ParserBatch(
            tensor(words, [batch, positions], device: device),
            tensor(chars, [batch, positions, maxWordChars], device: device),
            tensor(lengths),
            tensor(dependents, [batch, positions], device: device),
            heads is null ? null : tensor(heads, [batch, positions], device: device),
            relations is null ? null : tensor(relations, [batch, positions], device: device),
            sentenceLengths);
    }

    public void Dispose()
    {
        Words.Dispose();
        Chars.Dispose();
        Lengths.Dispose();
        Dependents.Dispose();
        Heads?.Dispose();
        Relations?.Dispose();
    }
}
