namespace SuddenDrops.Tests.Notebooks;

public sealed class PngImageTests
{
    [Fact]
    public void Decode_recovers_known_pixels_under_every_row_filter()
    {
        // 7 x 5 RGBA pixels with every channel varying; row y uses filter y (None, Sub, Up, Average, Paeth).
        const int width = 7, height = 5;
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < rgba.Length; i++)
            rgba[i] = (byte)(i * 37 % 251 + i / 13);

        var image = PngImage.Decode(PngTestWriter.Encode(width, height, rgba, row => (byte)row));

        Assert.Equal((width, height), (image.Width, image.Height));
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var i = 4 * (y * width + x);
                Assert.Equal((rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]), image[x, y]);
            }
    }

    [Fact]
    public void Count_counts_pixels_matching_a_colour()
    {
        // 3 x 2: two pure red pixels, the rest white.
        byte[] rgba =
        [
            255, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 0, 0, 255, 255, 255, 255, 255,
        ];

        var image = PngImage.Decode(PngTestWriter.Encode(3, 2, rgba, row => 4));

        Assert.Equal(2, image.Count(p => p == (255, 0, 0, 255)));
        Assert.Equal(4, image.Count(p => p == (255, 255, 255, 255)));
    }

    [Fact]
    public void Decode_rejects_a_file_that_is_not_a_png()
    {
        var error = Assert.Throws<InvalidDataException>(() => PngImage.Decode("<html></html>"u8.ToArray()));
        Assert.Contains("signature", error.Message);
    }
}
