using System.Globalization;
using System.Text;
using SuddenDrops.Analysis;
using SuddenDrops.Data;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Notebooks;

/// <summary>
/// The "paper vs ours" box that opens notebooks 01–05: the paper's setting beside the committed runs' own (model, steps,
/// data, where the regulariser's trees come from, λ and its scale, the UAS and BLiMP samples), as a markdown table.
/// The paper's column holds only what was checked against the authors' code
/// (<see cref="RepositoryUrl"/>: its README's training command and <c>run_mlm_reg_depparse.py</c>); everything else reads
/// "see the paper". Our columns are read from each run's <c>config.json</c> and its final BLiMP report, never typed in.
/// </summary>
public static class PaperVersusOurs
{
    /// <summary>Chen, Shwartz-Ziv, Cho, Leavitt &amp; Saphra (ICLR 2024), "Sudden Drops in the Loss".</summary>
    public const string PaperUrl = "https://arxiv.org/abs/2309.07311";

    /// <summary>The authors' code, whose README and training script the paper's column cites.</summary>
    public const string RepositoryUrl = "https://github.com/angie-chen55/sudden-drops-in-the-loss";

    /// <summary>What a cell says where a setting could not be checked against the paper.</summary>
    public const string SeeThePaper = "see the paper";

    // The paper's side. Source: the official repository's README (commit 49f8a76e), "SAS-regularized training":
    // `--config_name bert-base-uncased`, 4 processes × `--per_device_train_batch_size=64`, `--max_seq_length=512`,
    // `--max_steps=500000`, `--lambda_reg=0.001`, `--reg_type max`, dataset `angie-chen55/bert_pretraining_data`
    // ("BookCorpus and Wikipedia, but only the Wikipedia portion of the dataset has heads and relns labelled"), and
    // "Parses of 1K sample of WSJ data" (`angie-chen55/wsj-dep-parses-1k`). run_mlm_reg_depparse.py (commit a4975788):
    // `loss += self.lambda_reg * self.get_batch_max_reg_val(attns, heads)`, a torch.sum over the batch of the maximum over
    // layers and heads, head → dependent and dependent → head; `lambda_reg` defaults to 0.01 there.

    /// <summary>The paper's model: the README's <c>--config_name bert-base-uncased</c> (BERT-base's published shape).</summary>
    public const string PaperModel = "BERT-base (`bert-base-uncased` config: 12 layers × 768 wide × 12 heads)";

    /// <summary>The training length of the README's regularised-training command.</summary>
    public const string PaperTraining =
        "500,000 steps × 256 sequences (4 GPUs × 64) × 512 tokens in the code's README command; the paper's own runs: " + SeeThePaper;

    /// <summary>The pretraining data named in the README.</summary>
    public const string PaperData = "BookCorpus + English Wikipedia (`angie-chen55/bert_pretraining_data`), full BERT vocabulary";

    /// <summary>Where the paper's regulariser gets its edges, per the README.</summary>
    public const string PaperTrees =
        "dependency parses of the pretraining rows themselves: the Wikipedia rows carry heads and relations, the BookCorpus rows none";

    /// <summary>λ and what it multiplies, per the README command and the training script.</summary>
    public const string PaperLambda =
        "λ·R, R = the max attention (over layers and heads) along each edge, both directions, **summed** over the batch: " +
        "λ = 0.001 in the README command (the script's default is 0.01)";

    /// <summary>The UAS probe's treebank, per the README.</summary>
    public const string PaperUasProbe = "a 1K-sentence sample of WSJ with dependency parses (released with the code); details: " + SeeThePaper;

    /// <summary>
    /// The box for the committed runs of each group, one column per group beside the paper's.
    /// A setting that differs between the runs of a group lists each distinct value once.
    /// </summary>
    /// <param name="groups">A label (e.g. "ours: tiny, CPU") and the runs it stands for.</param>
    public static string Box(params (string Label, IEnumerable<RecordedRun> Runs)[] groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Length == 0) throw new ArgumentException("Name at least one group of runs.", nameof(groups));
        var text = new StringBuilder();
        text.Append("**Paper vs ours.** The paper's column is what we checked against the authors' code ([its README and training script](")
            .Append(RepositoryUrl).Append(")); anything else: [the paper](").Append(PaperUrl).Append("). Ours is read from the runs' `config.json`.\n\n");
        text.Append(Table(groups).Render());
        return text.ToString();
    }

    /// <summary>The table behind <see cref="Box"/>: rows model, training, data, trees, λ, UAS probe, BLiMP sample.</summary>
    public static MarkdownTable Table(params (string Label, IEnumerable<RecordedRun> Runs)[] groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var columns = groups.Select(g => (g.Label, Runs: g.Runs.ToList())).ToList();
        foreach (var (label, runs) in columns)
            if (runs.Count == 0) throw new ArgumentException($"The group '{label}' has no runs.", nameof(groups));
        var header = new List<string> { "", "paper" };
        header.AddRange(columns.Select(c => c.Label));
        var rows = new List<IReadOnlyList<string>>
        {
            Row("model", PaperModel, columns, Model),
            Row("training", PaperTraining, columns, Training),
            Row("data", PaperData, columns, Data),
            Row("regulariser's trees", PaperTrees, columns, Trees),
            Row("λ and its scale", PaperLambda, columns, Lambda),
            Row("UAS probe", PaperUasProbe, columns, UasProbe),
            Row("BLiMP sample", SeeThePaper, columns, Blimp),
        };
        return new MarkdownTable(header, rows);
    }

    /// <summary>Model shape of one run, e.g. "2 layers × 128 wide × 4 heads (tiny preset, 6,095 pieces)".</summary>
    public static string Model(RecordedRun run)
    {
        var config = ConfigOf(run);
        var m = config.Model;
        return Invariant($"{m.Layers} layers × {m.Hidden} wide × {m.Heads} heads ({config.Preset} preset, {m.VocabSize:N0} pieces)");
    }

    /// <summary>
    /// Steps × batch × sequence length of one run, and the tokens it saw; a run whose last checkpoint falls short of its
    /// configured steps says where it stopped.
    /// </summary>
    public static string Training(RecordedRun run)
    {
        var c = ConfigOf(run);
        var last = FinalEvaluation.LastStep(run) ?? c.Steps;
        var stopped = last < c.Steps ? Invariant($", stopped at step {last:N0}") : "";
        return Invariant($"{c.Steps:N0} steps × {c.BatchSize} sequences × {c.SequenceLength} tokens ({TokenCount(Math.Min(last, c.Steps) * c.TokensPerStep)} tokens{stopped})");
    }

    /// <summary>Corpus sources of one run, and its vocabulary.</summary>
    public static string Data(RecordedRun run)
    {
        var corpus = ConfigOf(run).Corpus;
        var vocabulary = corpus.PrunedVocabulary is { } pruned ? Invariant($"vocabulary pruned to the {pruned:N0} most frequent pieces") : "full BERT vocabulary";
        var parsed = corpus.Parsed ? " (as parsed sentences, with their silver trees)" : "";
        return $"{string.Join(" + ", corpus.Sources)}{parsed}, {vocabulary}";
    }

    /// <summary>Where the regulariser of one run takes its edges from (or that it has none).</summary>
    public static string Trees(RecordedRun run)
    {
        var config = ConfigOf(run);
        if (config.Regularizer is not { } regularizer) return "no regulariser (plain MLM)";
        return regularizer.Edges switch
        {
            EdgeSource.TrainingRows => "silver parses of the training rows themselves (`--silver`), no labelled rows",
            _ => Invariant($"gold trees of `{regularizer.Treebank}`, added as their own rows: {regularizer.LabeledRows(config.BatchSize)} of {config.BatchSize} per batch (base too)")
                 + (regularizer.SilverTreebanks is { Count: > 0 } silver ? $", with silver trees of {string.Join(", ", silver)}" : ""),
        };
    }

    /// <summary>|λ| and its scale for one run (none without a regulariser; 0 for base, whatever its magnitude).</summary>
    public static string Lambda(RecordedRun run)
    {
        if (ConfigOf(run).Regularizer is not { } regularizer) return "—";
        if (regularizer.Variant.Kind == SasVariantKind.Baseline) return "λ = 0 (base: the same batches, R only measured)";
        var magnitude = regularizer.Magnitude.ToString("0.####", CultureInfo.InvariantCulture);
        return regularizer.Scale switch
        {
            LambdaScale.PerEdge => $"|λ̄| = {magnitude} per directed edge: λ̄·R/2E, R/2E ∈ [0, 1]",
            _ => $"|λ| = {magnitude}, R **summed** over the batch's directed gold edges: λ's effect grows with edges per batch, so |λ| is not the paper's",
        };
    }

    /// <summary>The implicit-parse UAS sample of one run.</summary>
    public static string UasProbe(RecordedRun run)
    {
        var probes = ConfigOf(run).ProbeSettings;
        var limit = probes.UasMaxWords is { } words ? Invariant($" of ≤ {words} words") : "";
        return Invariant($"first {probes.UasSentences:N0} sentences{limit} of UD EWT dev (gold trees)");
    }

    /// <summary>
    /// The BLiMP samples of one run: the in-training probe (pairs per paradigm × <see cref="BlimpReader.ParadigmCount"/>) where
    /// the run has a BLiMP column, and the final checkpoint's report where there is one.
    /// </summary>
    public static string Blimp(RecordedRun run)
    {
        var parts = new List<string>();
        if (run.Has(MetricColumns.Blimp))
        {
            var perParadigm = ConfigOf(run).ProbeSettings.BlimpPerParadigm;
            parts.Add(Invariant($"{perParadigm} pairs per paradigm ({perParadigm * BlimpReader.ParadigmCount:N0} pairs) at checkpoints"));
        }
        if (FinalEvaluation.Blimp(run) is { Paradigms: > 0 } final)
            parts.Add(Invariant($"{final.Pairs / final.Paradigms} per paradigm ({final.Pairs:N0} pairs) on the final checkpoint"));
        return parts.Count == 0 ? "not measured" : string.Join("; ", parts);
    }

    private static IReadOnlyList<string> Row(string name, string paper,
        List<(string Label, List<RecordedRun> Runs)> columns, Func<RecordedRun, string> describe)
    {
        var row = new List<string> { $"**{name}**", paper };
        row.AddRange(columns.Select(c => string.Join(" / ", c.Runs.Select(describe).Distinct())));
        return row;
    }

    private static TrainingConfig ConfigOf(RecordedRun run) =>
        run.Config ?? throw new InvalidDataException($"{run.Folder} has no {RunFolder.ConfigFile}: the box needs each run's configuration.");

    private static string TokenCount(long tokens) => tokens switch
    {
        >= 1_000_000_000 => Invariant($"{tokens / 1e9:0.##}B"),
        >= 1_000_000 => Invariant($"{tokens / 1e6:0.#}M"),
        _ => Invariant($"{tokens:N0}"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
