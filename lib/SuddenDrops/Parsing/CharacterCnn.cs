using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SuddenDrops.Parsing;

/// <summary>
/// Word features from characters (Ma &amp; Hovy 2016 style): character embeddings, one convolution over the word,
/// tanh, max over positions. Cheaper on a CPU than a character LSTM and enough to make unknown words informative
/// (suffixes, capitals, digits, hyphens).
/// </summary>
public sealed class CharacterCnn : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly Conv1d convolution;

    public CharacterCnn(int characters, int dimension, int filters, int kernel) : base(nameof(CharacterCnn))
    {
        embedding = nn.Embedding(characters, dimension, padding_idx: ParserVocabulary.Pad);
        convolution = nn.Conv1d(dimension, filters, kernel, padding: kernel / 2);
        RegisterComponents();
    }

    /// <param name="chars">[B, T, C] character ids.</param>
    /// <returns>[B, T, F] one vector per word.</returns>
    public override Tensor forward(Tensor chars)
    {
        using var scope = NewDisposeScope();
        var (batch, positions, width) = (chars.shape[0], chars.shape[1], chars.shape[2]);
        var embedded = embedding.forward(chars.view(batch * positions, width)); // [B·T, C, E]
        var convolved = tanh(convolution.forward(embedded.transpose(1, 2)));    // [B·T, F, C]
        var pooled = convolved.amax(2);                                        // [B·T, F]
        return pooled.view(batch, positions, -1).MoveToOuterDisposeScope();    // [B, T, F]
    }
}
