using SuddenDrops.Text;
using TorchSharp;

namespace SuddenDrops.Metrics;

/// <summary>Thin adapter from a TorchSharp attention tensor to the managed <see cref="WordAttention"/> core.</summary>
public static class WordAttentionTensor
{
    /// <summary>
    /// Copies the piece attention of one sentence to the CPU and merges it to word level.
    /// </summary>
    /// <param name="pieceAttention">[L, H, T, T] (any float dtype, any device); rows = from, columns = to.</param>
    /// <param name="alignment">Pieces of each word; T must equal <see cref="PieceAlignment.PieceCount"/>.</param>
    public static WordAttention ToWordAttention(torch.Tensor pieceAttention, PieceAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(pieceAttention);
        ArgumentNullException.ThrowIfNull(alignment);
        var shape = pieceAttention.shape;
        if (shape.Length != 4 || shape[2] != alignment.PieceCount || shape[3] != alignment.PieceCount)
            throw new ArgumentException(
                $"Piece attention must be [L, H, T, T] with T = {alignment.PieceCount}, got [{string.Join(", ", shape)}].",
                nameof(pieceAttention));
        using var scope = torch.NewDisposeScope();
        var host = pieceAttention.detach().to(torch.float32).cpu().contiguous(); // [L, H, T, T]
        var values = host.data<float>().ToArray();
        return WordAttention.FromPieces(values, (int)shape[0], (int)shape[1], alignment);
    }
}
