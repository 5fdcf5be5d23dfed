using System.IO.Compression;
using System.Text;

namespace SuddenDrops.Data;

/// <summary>
/// Opens data files for sequential reading; a name ending in <c>.gz</c> is decompressed on the fly,
/// so every reader in this folder takes plain and gzipped files alike.
/// </summary>
public static class TextFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>True when <paramref name="path"/> names a gzip file (by its extension).</summary>
    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's bytes, decompressed when it is a <c>.gz</c>.</summary>
    public static Stream OpenRead(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return IsGzip(path) ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: false) : file;
    }

    /// <summary>
    /// A reader over the file's text. UTF-8 unless <paramref name="encoding"/> says otherwise;
    /// a byte-order mark, when present, wins.
    /// </summary>
    public static StreamReader OpenText(string path, Encoding? encoding = null) =>
        new(OpenRead(path), encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
}
