using SuddenDrops.Data;
using System.Text;

namespace SuddenDrops.Text;

/// <summary>
/// A WordPiece vocabulary: one piece per line, the id of a piece is its 0-based line number
/// (the layout of BERT's <c>vocab.txt</c>). Pieces that continue a word start with <c>##</c>.
/// The five special pieces of BERT must be present; their ids are read from the file, not assumed
/// (bert-base-uncased: [PAD]=0, [UNK]=100, [CLS]=101, [SEP]=102, [MASK]=103).
/// Immutable and safe to share between threads.
/// </summary>
public sealed class WordPieceVocabulary
{
    public const string PadPiece = "[PAD]";
    public const string UnknownPiece = "[UNK]";
    public const string ClsPiece = "[CLS]";
    public const string SepPiece = "[SEP]";
    public const string MaskPiece = "[MASK]";

    /// <summary>Prefix of a piece that continues a word ("##able").</summary>
    public const string ContinuationPrefix = "##";

    private static readonly string[] SpecialPieces = [PadPiece, UnknownPiece, ClsPiece, SepPiece, MaskPiece];

    private readonly string[] _pieces;
    private readonly Dictionary<string, int> _ids;

    private WordPieceVocabulary(string source, string[] pieces, Dictionary<string, int> ids)
    {
        Source = source;
        _pieces = pieces;
        _ids = ids;
        Pad = ids[PadPiece];
        Unknown = ids[UnknownPiece];
        Cls = ids[ClsPiece];
        Sep = ids[SepPiece];
        Mask = ids[MaskPiece];
    }

    /// <summary>Where the pieces came from: the file path, or the name given to <see cref="FromPieces"/>.</summary>
    public string Source { get; }

    public int Count => _pieces.Length;

    /// <summary>All pieces; index = id.</summary>
    public IReadOnlyList<string> Pieces => _pieces;

    public int Pad { get; }
    public int Unknown { get; }
    public int Cls { get; }
    public int Sep { get; }
    public int Mask { get; }

    /// <summary>The ids of [PAD], [UNK], [CLS], [SEP], [MASK] in that order.</summary>
    public IReadOnlyList<int> SpecialIds => [Pad, Unknown, Cls, Sep, Mask];

    /// <summary>The piece with this id.</summary>
    public string this[int id] => id >= 0 && id < _pieces.Length
        ? _pieces[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"No piece with id {id} in {Source} ({Count} pieces).");

    /// <summary>The id of a piece; throws <see cref="KeyNotFoundException"/> naming the piece when absent.</summary>
    public int IdOf(string piece) => _ids.TryGetValue(piece, out var id)
        ? id
        : throw new KeyNotFoundException($"Piece '{piece}' is not in {Source}.");

    public bool TryGetId(string piece, out int id) => _ids.TryGetValue(piece, out id);

    public bool Contains(string piece) => _ids.ContainsKey(piece);

    /// <summary>Whether the id is one of the five special pieces.</summary>
    public bool IsSpecial(int id) => id == Pad || id == Unknown || id == Cls || id == Sep || id == Mask;

    /// <summary>Loads a vocab.txt (UTF-8, one piece per line, "\n" or "\r\n"; a final newline is optional).</summary>
    /// <exception cref="VocabularyFormatException">An empty line, a piece with whitespace, a duplicate, or a missing special piece.</exception>
    public static WordPieceVocabulary Load(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        return FromPieces(lines, path);
    }

    /// <summary>Builds a vocabulary from pieces in id order, checked as <see cref="Load"/> checks a file.</summary>
    /// <param name="pieces">Pieces in id order.</param>
    /// <param name="source">Name used in error messages and <see cref="Source"/>.</param>
    public static WordPieceVocabulary FromPieces(IEnumerable<string> pieces, string source = "<memory>")
    {
        var array = pieces.ToArray();
        var ids = new Dictionary<string, int>(array.Length, StringComparer.Ordinal);
        for (var id = 0; id < array.Length; id++)
        {
            var piece = array[id];
            var line = id + 1;
            if (piece.Length == 0)
                throw new VocabularyFormatException(source, line, "empty line; every line must hold one piece.");
            if (piece.Any(char.IsWhiteSpace))
                throw new VocabularyFormatException(source, line, $"piece '{piece}' contains whitespace.");
            if (!ids.TryAdd(piece, id))
                throw new VocabularyFormatException(source, line, $"piece '{piece}' already given on line {ids[piece] + 1}.");
        }
        foreach (var special in SpecialPieces)
            if (!ids.ContainsKey(special))
                throw new VocabularyFormatException(source, 0, $"special piece {special} is missing.");
        return new WordPieceVocabulary(source, array, ids);
    }

    /// <summary>
    /// Writes the pieces as a vocab.txt (UTF-8 without BOM, "\n" after every piece), atomically:
    /// a temporary file in the same folder is written, then renamed over <paramref name="path"/>.
    /// </summary>
    public void Save(string path) => AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, ToFileBytes()));

    /// <summary>The bytes of the vocab.txt this vocabulary saves as.</summary>
    internal byte[] ToFileBytes()
    {
        var text = new StringBuilder(_pieces.Sum(p => p.Length + 1));
        foreach (var piece in _pieces) text.Append(piece).Append('\n');
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }
}
