using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SuddenDrops.Parsing;

/// <summary>
/// Word features from characters (Ma &amp; Hovy 2016 style): character embeddings, one convolution over the word,
/// tanh, max over positions. Cheaper on a CPU than a character LSTM and enough to make unknown words informative
/// (suffixes, capitals, digits, hyphens).
/// <para>The convolution is computed as one matmul over unfolded windows rather than by libtorch's CPU convolution,
/// whose backward pass put NaNs into the character-embedding gradient at random steps with finite inputs and weights on
/// the lab's EPYC (same seed, different steps; Parser.md, "The NaNs"). The parameters are still a <c>Conv1d</c>'s,
/// [F, E, k] and [F], so models saved before load unchanged.</para>
/// </summary>
public sealed class CharacterCnn : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly Conv1d convolution;
    private readonly int kernel;

    public CharacterCnn(int characters, int dimension, int filters, int kernel) : base(nameof(CharacterCnn))
    {
        embedding = nn.Embedding(characters, dimension, padding_idx: ParserVocabulary.Pad);
        convolution = nn.Conv1d(dimension, filters, kernel, padding: kernel / 2);
        this.kernel = kernel;
        RegisterComponents();
    }

    /// <param name="chars">[B, T, C] character ids.</param>
    /// <returns>[B, T, F] one vector per word.</returns>
    public override Tensor forward(Tensor chars)
    {
        using var scope = NewDisposeScope();
        var (batch, positions, width) = (chars.shape[0], chars.shape[1], chars.shape[2]);
        var embedded = embedding.forward(chars.view(batch * positions, width));     // [B·T, C, E]
        var half = kernel / 2;
        var padded = nn.functional.pad(embedded, [0, 0, half, half]);               // [B·T, C + 2·half, E], zeros
        var windows = padded.unfold(1, kernel, 1);                                   // [B·T, C', E, k]
        var flat = windows.reshape(windows.shape[0], windows.shape[1], -1);          // [B·T, C', E·k]
        var weight = convolution.weight!.view(convolution.weight.shape[0], -1);     // [F, E·k], the conv's [F, E, k]
        var convolved = tanh(nn.functional.linear(flat, weight, convolution.bias));  // [B·T, C', F]
        var pooled = convolved.amax(1);                                              // [B·T, F]
        return pooled.view(batch, positions, -1).MoveToOuterDisposeScope();    // [B, T, F]
    }
}
