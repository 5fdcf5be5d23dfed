using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// Writes RGBA pixels as an 8-bit RGBA PNG with a chosen filter per row, so the decoder can be checked
/// against known pixels for every filter type. CRCs are left zero: the decoder does not read them.
/// </summary>
internal static class PngTestWriter
{
    public static byte[] Encode(int width, int height, byte[] rgba, Func<int, byte> filterOfRow)
    {
        var stride = width * 4;
        using var filtered = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            var filter = filterOfRow(y);
            filtered.WriteByte(filter);
            for (var i = 0; i < stride; i++)
            {
                int x = rgba[y * stride + i];
                int left = i >= 4 ? rgba[y * stride + i - 4] : 0;
                int up = y > 0 ? rgba[(y - 1) * stride + i] : 0;
                int upLeft = i >= 4 && y > 0 ? rgba[(y - 1) * stride + i - 4] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    _ => PaethPredictor(left, up, upLeft),
                };
                filtered.WriteByte((byte)(x - predicted));
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(filtered.ToArray());
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        png.Write(Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write([0, 0, 0, 0]);
    }

    private static int PaethPredictor(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
