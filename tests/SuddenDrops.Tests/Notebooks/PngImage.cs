using System.Buffers.Binary;
using System.IO.Compression;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// A decoded PNG, enough to inspect screenshots: 8-bit greyscale, RGB, greyscale+alpha or RGBA,
/// not interlaced (what Chromium writes). Pixels are stored as RGBA. System.Drawing is Windows-only,
/// so this reads the format directly (PNG spec, ISO/IEC 15948: chunks, zlib-compressed IDAT, per-row filters).
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private readonly byte[] rgba;

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        this.rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = 4 * (y * Width + x);
            return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
        }
    }

    /// <summary>Pixels for which <paramref name="predicate"/> holds.</summary>
    public int Count(Func<(byte R, byte G, byte B, byte A), bool> predicate)
    {
        var count = 0;
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                if (predicate(this[x, y]))
                    count++;
        return count;
    }

    public static PngImage Load(string path)
    {
        try
        {
            return Decode(File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public static PngImage Decode(byte[] png)
    {
        if (png.Length < Signature.Length || !png.AsSpan(0, Signature.Length).SequenceEqual(Signature))
            throw new InvalidDataException("not a PNG file (bad signature).");
        var header = default(Header?);
        using var compressed = new MemoryStream();
        for (var at = Signature.Length; at + 8 <= png.Length;)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at)));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (at + 12 + length > png.Length)
                throw new InvalidDataException($"chunk {type} at byte {at} runs past the end of the file.");
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
                header = Header.Read(data);
            else if (type == "IDAT")
                compressed.Write(data);
            else if (type == "IEND")
                break;
            at += 12 + length; // length, type, data, CRC
        }
        var h = header ?? throw new InvalidDataException("no IHDR chunk.");
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        return new PngImage(h.Width, h.Height, ToRgba(Unfilter(inflated.ToArray(), h), h));
    }

    /// <summary>Undoes the per-row filters (None, Sub, Up, Average, Paeth) into raw samples, row after row.</summary>
    private static byte[] Unfilter(byte[] filtered, Header h)
    {
        var stride = h.Width * h.Channels;
        if (filtered.Length < h.Height * (stride + 1))
            throw new InvalidDataException($"image data holds {filtered.Length} bytes, {h.Height} rows of {stride + 1} need {h.Height * (stride + 1)}.");
        var raw = new byte[h.Height * stride];
        for (var y = 0; y < h.Height; y++)
        {
            var filter = filtered[y * (stride + 1)];
            var source = filtered.AsSpan(y * (stride + 1) + 1, stride);
            var row = raw.AsSpan(y * stride, stride);
            var above = y == 0 ? new byte[stride] : raw.AsSpan((y - 1) * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= h.Channels ? row[i - h.Channels] : 0;
                int up = above[i];
                int upLeft = i >= h.Channels && y > 0 ? above[i - h.Channels] : 0;
                row[i] = (byte)(source[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"row {y} has unknown filter type {filter}."),
                });
            }
        }
        return raw;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] raw, Header h)
    {
        var rgba = new byte[h.Width * h.Height * 4];
        for (var p = 0; p < h.Width * h.Height; p++)
        {
            var s = raw.AsSpan(p * h.Channels, h.Channels);
            var (r, g, b, a) = h.ColorType switch
            {
                0 => (s[0], s[0], s[0], (byte)255),
                2 => (s[0], s[1], s[2], (byte)255),
                4 => (s[0], s[0], s[0], s[1]),
                _ => (s[0], s[1], s[2], s[3]),
            };
            rgba[4 * p] = r;
            rgba[4 * p + 1] = g;
            rgba[4 * p + 2] = b;
            rgba[4 * p + 3] = a;
        }
        return rgba;
    }

    private readonly record struct Header(int Width, int Height, int ColorType)
    {
        public int Channels => ColorType switch { 0 => 1, 2 => 3, 4 => 2, _ => 4 };

        public static Header Read(ReadOnlySpan<byte> data)
        {
            int width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data)), height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
            byte bitDepth = data[8], colorType = data[9], interlace = data[12];
            if (bitDepth != 8 || colorType is not (0 or 2 or 4 or 6) || interlace != 0)
                throw new InvalidDataException($"unsupported PNG: bit depth {bitDepth}, colour type {colorType}, interlace {interlace} (only 8-bit, non-palette, non-interlaced).");
            return new Header(width, height, colorType);
        }
    }
}
