using SuddenDrops.Tests.Figures;
using SuddenDrops.Tests.Runs;
using Xunit.Abstractions;

namespace SuddenDrops.Tests.Notebooks;

/// <summary><c>sdrops figures</c> on the committed runs, run as a process from the test's output folder (where the CLI is built too).</summary>
public sealed class FiguresCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("sdrops-figures-cli-");

    public void Dispose() => scratch.Delete(recursive: true);

    [Fact]
    public void Writes_the_figures_of_the_committed_runs_and_skips_those_without_data()
    {
        var result = Sdrops("figures", "--runs", CommittedRuns.Gpu, "--out", scratch.FullName, "--checkpoint", CommittedRuns.CpuTiny);

        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal(["attention-heatmap", "dependency-tree", "two-stage-transition"],
            Directory.GetFiles(scratch.FullName, "*.html").Select(Path.GetFileNameWithoutExtension).Order());
        foreach (var name in new[] { "attention-heatmap", "dependency-tree", "two-stage-transition" })
            Assert.True(FigurePixels.Drawn(PngImage.Load(Path.Combine(scratch.FullName, name + ".png"))) > 5000, $"{name}.png is nearly blank");
        Assert.Contains("skipped simplicity-dip", result.Output);
        Assert.Contains("skipped sas-variants", result.Output);
        Assert.Contains("skipped early-suppression", result.Output);
    }

    [Fact]
    public void A_missing_runs_folder_is_an_error_naming_it()
    {
        var missing = Path.Combine(scratch.FullName, "no-such-runs");

        var result = Sdrops("figures", "--runs", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no-such-runs", result.Output);
    }

    [Fact]
    public void Base_runs_from_another_folder_join_the_variants_of_the_runs_folder()
    {
        var variants = Path.Combine(RepositoryLayout.Root, "data", "runs", "tiny-sas-l0.001");
        var baseRuns = Path.Combine(RepositoryLayout.Root, "data", "runs", "tiny-sas");

        var result = Sdrops("figures", "--runs", variants, "--base-runs", baseRuns, "--out", scratch.FullName, "--no-png");

        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, result.Describe());
        var printed = System.Text.RegularExpressions.Regex.Replace(result.Output, @"\s+", " "); // Spectre wraps long lines
        var expected = Directory.GetDirectories(baseRuns, "base-s*").Concat(Directory.GetDirectories(variants, "sas*"))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains($"{expected.Count} run(s)", printed);
        Assert.Contains(string.Join(", ", expected), printed);
        Assert.Contains("early-suppression", Directory.GetFiles(scratch.FullName, "*.html").Select(Path.GetFileNameWithoutExtension));
    }

    private static ProcessResult Sdrops(params string[] arguments) =>
        ExternalProcess.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "sdrops.dll"), .. arguments], RepositoryLayout.Root, TimeSpan.FromMinutes(3));
}
