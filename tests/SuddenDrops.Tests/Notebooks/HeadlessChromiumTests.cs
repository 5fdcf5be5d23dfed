
using SuddenDrops.Figures;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>Needs the Debian package chromium (CI installs it; see the notebooks report).</summary>
public sealed class HeadlessChromiumTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sdrops-chromium-test-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void Screenshot_of_a_known_page_shows_the_rectangle_at_its_exact_pixels()
    {
        // A 40 x 30 red box at (10, 20) on a white 100 x 80 page.
        var page = Path.Combine(folder.FullName, "box.html");
        File.WriteAllText(page,
            "<!DOCTYPE html><html><body style=\"margin:0;background:#ffffff\">" +
            "<div style=\"position:absolute;left:10px;top:20px;width:40px;height:30px;background:rgb(255,0,0)\"></div></body></html>");
        var png = Path.Combine(folder.FullName, "box.png");

        HeadlessChromium.Screenshot(page, png, 100, 80);

        var image = PngImage.Load(png);
        Assert.Equal((100, 80), (image.Width, image.Height));
        Assert.Equal(40 * 30, image.Count(p => p.R == 255 && p.G == 0 && p.B == 0));
        Assert.Equal(100 * 80 - 40 * 30, image.Count(p => p.R == 255 && p.G == 255 && p.B == 255));
        Assert.Equal((255, 0, 0, 255), image[10, 20]);
        Assert.Equal((255, 0, 0, 255), image[49, 49]);
        Assert.Equal((255, 255, 255, 255), image[9, 20]);
        Assert.Equal((255, 255, 255, 255), image[50, 49]);
        Assert.Equal((255, 255, 255, 255), image[10, 50]);
    }

    [Fact]
    public void Screenshot_of_a_missing_page_names_the_file()
    {
        var missing = Path.Combine(folder.FullName, "nowhere.html");

        var error = Assert.Throws<FileNotFoundException>(() => HeadlessChromium.Screenshot(missing, Path.Combine(folder.FullName, "x.png"), 10, 10));

        Assert.Contains(missing, error.Message);
    }
}
