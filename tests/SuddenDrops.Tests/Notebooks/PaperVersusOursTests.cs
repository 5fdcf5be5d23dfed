using SuddenDrops.Notebooks;
using SuddenDrops.Runs;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>The "paper vs ours" box of notebooks 01–05, read from the committed runs' config.json and final reports.</summary>
public class PaperVersusOursTests
{
    private static RecordedRun Committed(string folder, string run) =>
        RecordedRun.Load(Path.Combine(RepositoryLayout.Root, "data", "runs", folder, run));

    [Fact]
    public void A_regularised_tiny_run_says_where_its_trees_come_from_and_that_its_lambda_is_a_sum()
    {
        var run = Committed("tiny-sas-l0.001", "sas--s0");

        Assert.Equal("2 layers × 128 wide × 4 heads (tiny preset, 6,095 pieces)", PaperVersusOurs.Model(run));
        Assert.Equal("8,000 steps × 64 sequences × 64 tokens (32.8M tokens)", PaperVersusOurs.Training(run));
        Assert.Equal("wikipedia + gutenberg, vocabulary pruned to the 4,096 most frequent pieces", PaperVersusOurs.Data(run));
        Assert.Equal("gold trees of `ud/en_ewt-ud-train.conllu`, added as their own rows: 16 of 64 per batch (base too)", PaperVersusOurs.Trees(run));
        Assert.StartsWith("|λ| = 0.001, R **summed** over the batch's directed gold edges", PaperVersusOurs.Lambda(run));
        Assert.Equal("first 500 sentences of UD EWT dev (gold trees)", PaperVersusOurs.UasProbe(run));
        Assert.Equal("5 pairs per paradigm (335 pairs) at checkpoints; 50 per paradigm (3,350 pairs) on the final checkpoint", PaperVersusOurs.Blimp(run));
    }

    [Fact]
    public void Plain_runs_have_no_regulariser_and_a_stopped_run_says_where_it_stopped()
    {
        var cpu = Committed("cpu-tiny", "tiny-s0");
        var small = Committed("gpu-h200-2026-11-26", "small");

        Assert.Equal("no regulariser (plain MLM)", PaperVersusOurs.Trees(cpu));
        Assert.Equal("—", PaperVersusOurs.Lambda(cpu));
        Assert.Equal("8,000 steps × 64 sequences × 64 tokens (29.1M tokens, stopped at step 7,103)", PaperVersusOurs.Training(cpu));
        Assert.Equal("not measured", PaperVersusOurs.Blimp(cpu));
        Assert.Equal("λ = 0 (base: the same batches, R only measured)", PaperVersusOurs.Lambda(Committed("tiny-sas", "base-s0")));
        Assert.Equal("4 layers × 256 wide × 4 heads (small preset, 30,522 pieces)", PaperVersusOurs.Model(small));
        Assert.Equal("6,500 steps × 128 sequences × 128 tokens (106.5M tokens)", PaperVersusOurs.Training(small));
        Assert.Equal("wikipedia, full BERT vocabulary", PaperVersusOurs.Data(small));
        Assert.Equal("first 400 sentences of ≤ 40 words of UD EWT dev (gold trees)", PaperVersusOurs.UasProbe(small));
    }

    [Fact]
    public void The_box_puts_the_checked_paper_settings_beside_one_column_per_group_and_lists_differing_values_once_each()
    {
        var sweep = RunSet.Load(Path.Combine(RepositoryLayout.Root, "data", "runs", "tiny-sas-l0.001"));
        var box = PaperVersusOurs.Box(("ours: SAS sweep", sweep.Runs), ("ours: CPU tiny", [Committed("cpu-tiny", "tiny-s0")]));
        var lines = box.Split('\n');

        Assert.Contains(PaperVersusOurs.PaperUrl, box);
        Assert.Contains(PaperVersusOurs.RepositoryUrl, box);
        Assert.Contains("|  | paper | ours: SAS sweep | ours: CPU tiny |", lines);
        var model = Assert.Single(lines, l => l.StartsWith("| **model**", StringComparison.Ordinal));
        Assert.Contains("12 layers × 768 wide × 12 heads", model);
        Assert.Contains("2 layers × 128 wide × 4 heads", model);
        var blimp = Assert.Single(lines, l => l.StartsWith("| **BLiMP sample**", StringComparison.Ordinal));
        Assert.Contains(PaperVersusOurs.SeeThePaper, blimp);
        var lambda = Assert.Single(lines, l => l.StartsWith("| **λ and its scale**", StringComparison.Ordinal));
        Assert.Contains("λ = 0.001 in the README command", lambda);
        Assert.Equal(1, CountOf(lambda, @"\|λ\| = 0.001, R")); // cells escape their pipes; the sweep's variants share one value
        Assert.Throws<ArgumentException>(() => PaperVersusOurs.Box(("empty", [])));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
