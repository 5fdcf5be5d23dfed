using SuddenDrops.Analysis;
using SuddenDrops.Experiments;
using SuddenDrops.Runs;
using SuddenDrops.Tests.Notebooks;
using SuddenDrops.Tests.Runs;
using SuddenDrops.Training;
using Xunit;

namespace SuddenDrops.Tests.Analysis;

/// <summary>REPRODUCTION.md's tables against the committed runs, and the pieces that build them.</summary>
public sealed class ReproductionReportTests : IDisposable
{
    private readonly TempFolder temp = new("sd-report-");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Every_table_of_the_committed_report_matches_the_committed_runs()
    {
        var report = Path.Combine(RepositoryLayout.Root, "REPRODUCTION.md");
        var written = MarkedBlocks.Read(File.ReadAllText(report));
        var expected = ReproductionTables.All(CommittedRuns.Root);
        Assert.Equal(expected.Keys.Order(), written.Keys.Order());
        foreach (var (name, body) in expected)
            Assert.True(written[name] == body, $"REPRODUCTION.md table '{name}' differs from the runs; run `sdrops report`.\nExpected:\n{body}\nWritten:\n{written[name]}");
    }

    [Fact]
    public void The_paper_designs_blocks_say_what_has_not_run_and_otherwise_show_the_plan_and_the_variants()
    {
        var empty = RunSet.Load(temp.PathOf("absent"));
        Assert.StartsWith("*Not run yet*", ReproductionTables.LambdaSelection(temp.PathOf("absent")));
        Assert.StartsWith("*Not run yet*", ReproductionTables.ReleaseSteps(empty));
        Assert.StartsWith("*Not run yet*", ReproductionTables.PaperDesignVariants(empty));

        var sweep = RunSet.Load(SyntheticRuns.Sweep(temp.PathOf("sweep")));
        var plan = ReproductionTables.ReleaseSteps(sweep);
        Assert.Contains("| base-s1 |", plan);
        Assert.Contains(ReleasePlan.Of(sweep).Describe(), plan);
        Assert.Equal(ReproductionTables.Variants(sweep).Render(), ReproductionTables.PaperDesignVariants(sweep));
    }

    [Fact]
    public void Claims_one_to_three_read_the_paper_designs_plain_base_runs_first()
    {
        SyntheticRuns.Sweep(temp.PathOf(ReproductionTables.PaperDesignFolder));
        SyntheticRuns.Sweep(temp.PathOf(ReproductionTables.SweepFolder));

        var baseRuns = ReproductionTables.BaseRuns(temp.Path, RunSet.Load(temp.PathOf(ReproductionTables.SweepFolder)));

        Assert.Equal(["tiny-silver/base-s1", "tiny-silver/base-s2", "tiny-sas/base-s1", "tiny-sas/base-s2"], baseRuns.Select(r => r.Label));
        Assert.Contains("| tiny-silver/base-s1 |", ReproductionTables.Transition(baseRuns).Render());
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
        var sweep = RunSet.Load(SyntheticRuns.Sweep(temp.Path));
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
    public void Horizon_table_gives_uas_and_loss_at_each_step_per_variant()
    {
        var sweep = RunSet.Load(SyntheticRuns.Sweep(temp.Path));
        var table = ReproductionTables.Horizon(sweep, [1000, 4000]);
        Assert.Equal(["base", "SAS+", "SAS−", "SAS−(500)", "SAS−(3,000)"], table.Rows.Select(r => r[0]));
        var header = table.Header.ToList();
        Assert.Equal(["variant", "seeds", "last step", "UAS @ 1,000", "UAS @ 4,000", "UAS ▲ (rise)", "loss @ 1,000", "loss @ 4,000",
                      "final MLM accuracy", "final BLiMP (50 pairs/paradigm)"], header);
        Assert.Equal("4,000", table.Rows[0][header.IndexOf("last step")]);
        double Mean(int row, string column) =>
            double.Parse(table.Rows[row][header.IndexOf(column)].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(Mean(0, "UAS @ 4,000"), 0.29, 0.31); // base: 0.12 → 0.30 around 2,000 and 2,200 (noise sd 0.003)
        Assert.InRange(Mean(0, "UAS @ 1,000"), 0.11, 0.13);
        Assert.InRange(Mean(2, "UAS @ 4,000"), 0.11, 0.13); // SAS− never rises
        Assert.InRange(Mean(0, "loss @ 4,000"), 5.19 - 0.02, 5.21 + 0.02); // 7 − (1 − e^(−40/3)) − 0.8
        Assert.Equal("none", table.Rows[2][header.IndexOf("UAS ▲ (rise)")]);
        Assert.Contains("(n = 2)", table.Rows[0][header.IndexOf("loss @ 4,000")]);
        Assert.Equal("—", ReproductionTables.Horizon(sweep, [8000]).Rows[0][3]); // past the last checkpoint: not measured
        var html = table.ToHtml();
        Assert.Contains("<th>UAS ▲ (rise)</th>", html);
        Assert.Equal(table.Rows.Count, html.Split("<tr>").Length - 2); // header row + one per variant
    }

    [Fact]
    public void Probes_measured_after_training_fill_the_columns_metrics_csv_lacks()
    {
        var run = SyntheticRuns.Write(temp.Path, "base-s1", 2000, blimp: false);
        Directory.CreateDirectory(Path.Combine(run, "curves"));
        var probes = new MetricsLog(CurveFiles.ProbesOf(new RunFolder(run)));
        foreach (var step in new[] { 0.0, 1000, 2000, 3000, 4000 })
            probes.Append(new Dictionary<string, object?> { ["step"] = step, ["blimp"] = 0.5 + step / 40000, ["uas"] = 0.9 });
        var recorded = RecordedRun.Load(run);
        Assert.Equal([0.5, 0.525, 0.55, 0.575, 0.6], recorded.Series(MetricColumns.Blimp).Values, new ToleranceComparer(1e-12));
        Assert.Equal(SyntheticRuns.Steps.Length, recorded.Series(MetricColumns.Uas).Count);
        Assert.True(recorded.Series(MetricColumns.Uas).Values.All(v => v < 0.5), "metrics.csv's own UAS wins over the post-hoc table");
        Assert.Contains(MetricColumns.Blimp, recorded.Columns);
    }

    [Fact]
    public void A_dense_window_measured_after_training_fills_the_steps_between_the_training_logs_probes()
    {
        var run = SyntheticRuns.Write(temp.Path, "base-s1", 2000);
        Directory.CreateDirectory(Path.Combine(run, "curves"));
        var probes = new MetricsLog(CurveFiles.ProbesOf(new RunFolder(run)));
        foreach (var step in new[] { 1000.0, 1050, 1100, 1150 })
            probes.Append(new Dictionary<string, object?> { ["step"] = step, ["uas"] = 0.9 });
        var recorded = RecordedRun.Load(run);

        var uas = recorded.Series(MetricColumns.Uas);
        Assert.Equal(SyntheticRuns.Steps.Length + 2, uas.Count); // 1,050 and 1,150 are new; 1,000 and 1,100 were logged
        Assert.Equal(SyntheticRuns.Steps.Order().Concat([1050.0, 1150]).Order(), uas.Steps);
        Assert.Equal(0.9, uas.At(1050));
        Assert.True(uas.At(1100) < 0.5, "the training log's value wins where both have the step");
    }

    [Fact]
    public void The_committed_dense_window_of_a_paper_design_base_is_read_beside_its_training_probes()
    {
        var folder = Path.Combine(CommittedRuns.Root, ReproductionTables.PaperDesignFolder, "base-s0");
        var run = RecordedRun.Load(folder);
        var trainingSteps = new MetricsLog(Path.Combine(folder, "metrics.csv")).Numbers(MetricColumns.Step)
            .Zip(new MetricsLog(Path.Combine(folder, "metrics.csv")).Numbers(MetricColumns.IntrinsicDimension(1)))
            .Where(p => !double.IsNaN(p.Second)).Select(p => p.First).ToHashSet();
        var denseSteps = new MetricsLog(CurveFiles.ProbesOf(new RunFolder(folder))).Numbers(MetricColumns.Step).ToHashSet();

        var twoNn = run.Series(MetricColumns.IntrinsicDimension(1));
        Assert.Equal(trainingSteps.Union(denseSteps).Order(), twoNn.Steps);
        Assert.Contains(4100.0, twoNn.Steps); // inside the dense window, between two training probes (every 500)
        Assert.Equal(41, Enumerable.Range(0, 41).Count(i => twoNn.Steps.Contains(4000 + 100 * i)));
    }

    [Fact]
    public void Glue_table_lists_the_majority_class_the_untrained_model_and_each_final_checkpoint()
    {
        var a = SyntheticRuns.Write(temp.Path, "base-s1", 2000);
        var b = SyntheticRuns.Write(temp.Path, "sas--s1", null);
        var last = (long)SyntheticRuns.Steps[^1];
        WriteGlue(a, 0, cola: 0.0, rte: 0.50);
        WriteGlue(a, last, cola: 0.10, rte: 0.55);
        WriteGlue(b, last - 100, cola: 0.9, rte: 0.9); // not the last checkpoint: ignored

        var table = ReproductionTables.Glue([("s/base-s1", RecordedRun.Load(a)), ("s/sas--s1", RecordedRun.Load(b))]);

        Assert.Equal(["majority class", "untrained (s/base-s1, step 0)", "s/base-s1"], table.Rows.Select(r => r[0]));
        var header = table.Header.ToList();
        Assert.Equal("average (lr 1e-4, 3 epochs, batch 32, ≤ 5,000 training examples)", header[^1]);
        Assert.Equal("0.100", table.Rows[2][header.IndexOf("CoLA (MCC)")]);
        Assert.Equal("0.550", table.Rows[2][header.IndexOf("RTE (acc.)")]);
        Assert.Equal("0.325", table.Rows[2][^1]);
        Assert.Equal("0.527", table.Rows[0][header.IndexOf("RTE (acc.)")]);
        Assert.Equal("—", table.Rows[0][header.IndexOf("SST-2 (acc.)")]);

        var outcome = VariantOutcome.Of(RecordedRun.Load(a));
        Assert.Equal(0.325, outcome.Glue!.Value, 12);
        Assert.Null(VariantOutcome.Of(RecordedRun.Load(b)).Glue);
    }

    /// <summary>A two-task GLUE report (CoLA, RTE) of step <paramref name="step"/> in the run's evals folder.</summary>
    private static void WriteGlue(string run, long step, double cola, double rte)
    {
        GlueTaskResult Task(string name, string metric, double score, double majority) =>
            new(name, 1000, 1000, 100, 64, 0, 0, 3, 94, [0.7, 0.6, 0.5], new Dictionary<string, double> { [metric] = score }, score, majority, 1);
        var report = new GlueReport(Path.Combine(run, "checkpoints", $"step-{step:D7}"), step, "cpu",
            new GlueFineTuningConfig(LearningRate: 1e-4, MaxTrain: 5000),
            [Task("CoLA", "matthewsCorrelation", cola, 0), Task("RTE", "accuracy", rte, 0.527)], (cola + rte) / 2, 10);
        JsonFiles.Save(FinalEvaluation.PathFor(RecordedRun.Load(run), "glue", step), report);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
