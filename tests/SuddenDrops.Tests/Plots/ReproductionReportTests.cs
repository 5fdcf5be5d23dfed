using SuddenDrops.Plots;
using SuddenDrops.Tests.Notebooks;
using SuddenDrops.Training;
using Xunit;

namespace SuddenDrops.Tests.Plots;

/// <summary>REPRODUCTION.md's tables against the committed runs, and the pieces that build them.</summary>
public sealed class ReproductionReportTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sd-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Every_table_of_the_committed_report_matches_the_committed_runs()
    {
        var report = Path.Combine(RepositoryLayout.Root, "REPRODUCTION.md");
        var written = MarkedBlocks.Read(File.ReadAllText(report));
        var expected = ReproductionTables.All(Path.Combine(RepositoryLayout.Root, "data", "runs"));
        Assert.Equal(expected.Keys.Order(), written.Keys.Order());
        foreach (var (name, body) in expected)
            Assert.True(written[name] == body, $"REPRODUCTION.md table '{name}' differs from the runs; run `sdrops report`.\nExpected:\n{body}\nWritten:\n{written[name]}");
    }

    [Fact]
    public void The_committed_report_has_a_verdict_for_each_of_the_six_claims()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "REPRODUCTION.md"));
        for (var claim = 1; claim <= 6; claim++)
            Assert.Contains($"### Claim {claim}:", text);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(text, @"\*\*Verdict: (holds|partly|does not hold)").Count);
    }

    [Fact]
    public void Marked_blocks_are_replaced_and_the_text_around_them_is_kept()
    {
        const string markdown = "# Title\nprose 1\n<!-- generated:a -->\nold a\n<!-- /generated:a -->\nprose 2\n<!-- generated:b -->\n<!-- /generated:b -->\nend\n";
        var replaced = MarkedBlocks.Replace(markdown, new Dictionary<string, string> { ["a"] = "| x |\n", ["b"] = "new b\n" }, "r.md");
        Assert.Equal("# Title\nprose 1\n<!-- generated:a -->\n| x |\n<!-- /generated:a -->\nprose 2\n<!-- generated:b -->\nnew b\n<!-- /generated:b -->\nend\n", replaced);
        Assert.Equal("| x |\n", MarkedBlocks.Read(replaced)["a"]);
    }

    [Fact]
    public void A_table_without_its_block_is_an_error_naming_the_file_and_the_block()
    {
        var error = Assert.Throws<FormatException>(() =>
            MarkedBlocks.Replace("no blocks here\n", new Dictionary<string, string> { ["variants"] = "x\n" }, "REPORT.md"));
        Assert.Contains("REPORT.md", error.Message);
        Assert.Contains("generated:variants", error.Message);
    }

    [Fact]
    public void Seed_spread_is_mean_and_sample_sd_and_names_missing_seeds()
    {
        Assert.Equal("0.300", SeedSpread.Format([0.3], "F3"));
        Assert.Equal("0.300 ± 0.100 (n = 3)", SeedSpread.Format([0.2, 0.3, 0.4], "F3"));
        Assert.Equal("0.250 ± 0.071 (n = 2 of 3)", SeedSpread.Format([0.2, null, 0.3], "F3"));
        Assert.Equal("—", SeedSpread.Format([null, null], "F3"));
    }

    [Fact]
    public void Variants_table_has_one_row_per_variant_with_its_seeds_and_onsets()
    {
        var sweep = RunSet.Load(SyntheticRuns.Sweep(folder));
        var table = ReproductionTables.Variants(sweep);
        Assert.Equal(["base", "SAS+", "SAS−", "SAS−(500)", "SAS−(3,000)"], table.Rows.Select(r => r[0]));
        var baseRow = table.Rows[0];
        Assert.Equal("seeds 1, 2", baseRow[1]);
        var onsets = baseRow[table.Header.ToList().IndexOf("UAS ▲ (rise)")];
        var steps = onsets.Split(", ").Select(o => double.Parse(o.Split(' ')[0].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // Logistic jumps at 2,000 and 2,200 with width 200: ▲ about 1.3–1.8 widths before each.
        Assert.InRange(steps[0], 2000 - 2 * SyntheticRuns.Width, 2000 - SyntheticRuns.Width);
        Assert.InRange(steps[1], 2200 - 2 * SyntheticRuns.Width, 2200 - SyntheticRuns.Width);
        Assert.Equal("none", table.Rows[2][table.Header.ToList().IndexOf("UAS ▲ (rise)")]);
        Assert.Contains("(n = 2)", baseRow[table.Header.ToList().IndexOf("final loss")]);
    }

    [Fact]
    public void Probes_measured_after_training_fill_the_columns_metrics_csv_lacks()
    {
        var run = SyntheticRuns.Write(folder, "base-s1", 2000, blimp: false);
        Directory.CreateDirectory(Path.Combine(run, "curves"));
        var probes = new MetricsLog(Path.Combine(run, RecordedRun.PostHocProbesFile));
        foreach (var step in new[] { 0.0, 1000, 2000, 3000, 4000 })
            probes.Append(new Dictionary<string, object?> { ["step"] = step, ["blimp"] = 0.5 + step / 40000, ["uas"] = 0.9 });
        var recorded = RecordedRun.Load(run);
        Assert.Equal([0.5, 0.525, 0.55, 0.575, 0.6], recorded.Series(MetricColumns.Blimp).Values, new ToleranceComparer(1e-12));
        Assert.Equal(SyntheticRuns.Steps.Length, recorded.Series(MetricColumns.Uas).Count);
        Assert.True(recorded.Series(MetricColumns.Uas).Values.All(v => v < 0.5), "metrics.csv's own UAS wins over the post-hoc table");
        Assert.Contains(MetricColumns.Blimp, recorded.Columns);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
