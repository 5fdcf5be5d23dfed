using System.Globalization;
using SuddenDrops.Experiments;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Analysis;

/// <summary>
/// The tables of <c>REPRODUCTION.md</c>, computed from the committed run folders under <c>data/runs</c> so that every number
/// in them can be traced to a run (and a test can check that the report still matches the runs). One table per claim of
/// Chen et al. (2024) that our runs can test:
/// <list type="bullet">
/// <item><c>transition</c> (claims 1–2): per base run, the UAS onsets and where the held-out loss drops and the MLM accuracy
/// and BLiMP jump;</item>
/// <item><c>simplicity</c> (claim 3): per base run and layer, the TwoNN intrinsic dimension around the structure onset and
/// where it changes fastest;</item>
/// <item><c>variants</c> (claims 4–6): per regulariser variant, over seeds, early and final UAS, loss, accuracy, BLiMP and
/// the UAS onsets;</item>
/// <item><c>verdicts-silver</c> (claims 4–6, the paper's design): every test of the rule in Training/Regularizer.md with
/// each seed's numbers, and the claims' verdicts (<see cref="RegularizerVerdicts"/>);</item>
/// <item><c>relations</c> (our addition): per dependency relation, when the best head for it forms;</item>
/// <item><c>glue</c> (claim 6): GLUE dev scores of the fine-tuned final checkpoints, beside an untrained model and the
/// majority class;</item>
/// <item><c>horizon</c> (claim 6, longer): base and SAS−(k) runs extended from 8,000 to 16,000 steps (<c>sdrops extend</c>),
/// whether a released run recovers SAS and catches up with the baseline.</item>
/// </list>
/// Onsets come from <see cref="OnsetDetector"/> with its default options; the loss and accuracy are analysed from
/// <see cref="LateAnalysisFrom"/> on, because both change fastest in the first few hundred steps, before the plateau.
/// </summary>
public static class ReproductionTables
{
    /// <summary>The sweep folder (under the runs root) whose runs are the regulariser variants.</summary>
    public const string SweepFolder = "tiny-sas";

    /// <summary>SAS+ and SAS− at |λ| = 0.001 (the default strength), beside the sweep's base runs in the <c>variants-weak</c> table.</summary>
    public const string WeakSweepFolder = "tiny-sas-l0.001";

    /// <summary>
    /// The paper's design (issue 16; Training/Regularizer.md): the λ selection on seed 9, base and SAS+/SAS− per strength
    /// (<see cref="LambdaChoice"/>'s layout), read by the <c>lambda-choice</c> table.
    /// </summary>
    public const string PaperDesignLambdaFolder = "tiny-silver-lambda";

    /// <summary>The paper's design's sweep at λ̄*: base, SAS+, SAS− and SAS−(k) for seeds 0–2 (<c>release-plan</c>, <c>variants-silver</c>).</summary>
    public const string PaperDesignFolder = "tiny-silver";

    /// <summary>Base and SAS−(k) runs of the two folders above, trained on to 16,000 steps (<c>sdrops extend</c>).</summary>
    public const string LongHorizonFolder = "tiny-sas-16k";

    /// <summary>Steps at which the <c>horizon</c> table reports UAS and loss: the end of the 8,000-step runs and on.</summary>
    public static readonly int[] HorizonSteps = [8000, 12000, 16000];

    /// <summary>Base runs outside the sweep that also test claims 1–3: the first CPU tiny run and the GPU run of the small preset.</summary>
    public static readonly string[] ExtraBaseRuns = ["cpu-tiny/tiny-s0", "gpu-h200-2026-11-26/small"];

    /// <summary>
    /// The second scale searched on this CPU (issue 17, README "A second scale on this CPU"): one folder per candidate run,
    /// read by the <c>capabilities</c> table beside the base runs above.
    /// </summary>
    public const string SecondScaleFolder = "cpu-scale";

    /// <summary>First step of the loss and accuracy onset analysis.</summary>
    public const double LateAnalysisFrom = 1000;

    /// <summary>Steps at which the variants table reports early UAS and loss.</summary>
    public static readonly int[] EarlySteps = [1000, 2000];

    /// <summary>
    /// The regulariser runs at the default strength |λ| = 0.001: the sweep's base runs (λ plays no part in them) beside
    /// every run of <see cref="WeakSweepFolder"/>. What notebooks 04–05 load by default and the <c>variants-weak</c> table shows.
    /// </summary>
    public static RunSet AtDefaultStrength(string runsRoot) =>
        RunSet.Of([.. RunSet.Load(Path.Combine(runsRoot, SweepFolder)).OfVariant(SasVariant.Baseline),
                   .. RunSet.Load(Path.Combine(runsRoot, WeakSweepFolder)).Runs]);

    /// <summary>All tables by block name, rendered as markdown.</summary>
    public static IReadOnlyDictionary<string, string> All(string runsRoot)
    {
        var sweep = RunSet.Load(Path.Combine(runsRoot, SweepFolder));
        var weak = RunSet.Load(Path.Combine(runsRoot, WeakSweepFolder));
        IReadOnlyList<(string Label, RecordedRun Run)> baseRuns = [.. BaseRuns(runsRoot, sweep), .. SecondScaleRuns(runsRoot)];
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["transition"] = Transition(baseRuns).Render(),
            ["capabilities"] = Capabilities(baseRuns).Render(),
            ["simplicity"] = Simplicity(baseRuns).Render(),
            ["variants"] = Variants(sweep).Render(),
            ["variants-weak"] = Variants(AtDefaultStrength(runsRoot)).Render(),
            ["lambda-choice"] = LambdaSelection(Path.Combine(runsRoot, PaperDesignLambdaFolder)),
            ["release-plan"] = ReleaseSteps(RunSet.Load(Path.Combine(runsRoot, PaperDesignFolder))),
            ["variants-silver"] = PaperDesignVariants(RunSet.Load(Path.Combine(runsRoot, PaperDesignFolder))),
            ["verdicts-silver"] = PaperDesignVerdicts(RunSet.Load(Path.Combine(runsRoot, PaperDesignFolder))),
            ["relations"] = Relations(sweep).Render(),
            ["horizon"] = Horizon(RunSet.Load(Path.Combine(runsRoot, LongHorizonFolder))).Render(),
            ["glue"] = Glue([.. sweep.Runs.Select(r => (r.Label, r)), .. weak.Runs.Select(r => (r.Label, r))]).Render(),
        };
    }

    /// <summary>
    /// The base runs of the paper's design (<see cref="PaperDesignFolder"/>: plain MLM on the silver-parsed rows, by seed),
    /// then the gold-row sweep's base runs (by seed), then the <see cref="ExtraBaseRuns"/> that exist, each labelled by its
    /// path under the root.
    /// </summary>
    public static IReadOnlyList<(string Label, RecordedRun Run)> BaseRuns(string runsRoot, RunSet sweep) =>
    [
        .. RunSet.Load(Path.Combine(runsRoot, PaperDesignFolder)).OfVariant(SasVariant.Baseline).Select(r => (r.Label, r)),
        .. sweep.OfVariant(SasVariant.Baseline).Select(r => (r.Label, r)),
        .. ExtraBaseRuns.Where(p => RunFolder.IsRun(Path.Combine(runsRoot, p)))
            .Select(p => (p, RecordedRun.Load(Path.Combine(runsRoot, p)))),
    ];

    /// <summary>Claims 1–2: UAS onsets, and the steepest loss drop, accuracy rise and BLiMP values around them.</summary>
    public static MarkdownTable Transition(IReadOnlyList<(string Label, RecordedRun Run)> runs)
    {
        var rows = runs.Select(entry =>
        {
            var (label, run) = entry;
            var summary = TransitionSummary.Of(run);
            var lossDrop = Steepest(run.Series(MetricColumns.EvalLoss), RiseDirection.Falling, LateAnalysisFrom);
            var accuracyRise = Steepest(run.Series(MetricColumns.EvalAccuracy), RiseDirection.Rising, LateAnalysisFrom);
            var blimp = run.Series(MetricColumns.Blimp);
            return (IReadOnlyList<string>)
            [
                label,
                Step(summary.StructureOnsetStep), Step(summary.CapabilitiesOnsetStep),
                Chain("F3", summary.UasStart, summary.UasAtStructureOnset, summary.UasAtCapabilitiesOnset, summary.UasFinal),
                Chain("F3", summary.OffsetBaseline),
                OnsetCell(lossDrop), Chain("F2", summary.LossAtStructureOnset, summary.LossAtCapabilitiesOnset, summary.LossFinal),
                OnsetCell(accuracyRise),
                blimp.IsEmpty ? "not measured" : Chain("P1", summary.BlimpAtStructureOnset, summary.BlimpAtCapabilitiesOnset, summary.BlimpFinal)
                    + $" ({blimp.Count} checkpoints)",
            ];
        }).ToList();
        return new MarkdownTable(
            ["run", "UAS ▲", "UAS ⏺", "UAS start → ▲ → ⏺ → end", "offset baseline", $"steepest loss drop after {LateAnalysisFrom:N0} (▲ / steepest / ⏺)",
             "loss at ▲ → ⏺ → end", $"steepest accuracy rise after {LateAnalysisFrom:N0} (▲ / steepest / ⏺)", "BLiMP at ▲ → ⏺ → end"],
            rows);
    }

    /// <summary>The runs of <see cref="SecondScaleFolder"/>, labelled by their path under the root (none while it is absent).</summary>
    public static IReadOnlyList<(string Label, RecordedRun Run)> SecondScaleRuns(string runsRoot) =>
        [.. RunSet.Load(Path.Combine(runsRoot, SecondScaleFolder)).Runs.Select(r => (r.Label, r))];

    /// <summary>
    /// The second scale's runs by candidate of the search (<see cref="RecordedRun.Variant"/>: the folder name without its
    /// <c>-sN</c> seed, <c>s-64</c>, <c>m-64</c>), each labelled with its shape, <c>s-64 (4 × 256)</c>, in name order: one
    /// colour per candidate in the two-scales figure, whatever seeds each has.
    /// </summary>
    public static IReadOnlyList<(string Scale, IReadOnlyList<RecordedRun> Runs)> SecondScaleCandidates(RunSet secondScale) =>
    [
        .. secondScale.Runs.GroupBy(r => r.Variant, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key + (g.First().Config?.Model is { } m ? $" ({m.Layers} × {m.Hidden})" : ""), (IReadOnlyList<RecordedRun>)[.. g])),
    ];

    /// <summary>
    /// The scales of the "two scales, two stages" figure, in drawing order: the plain-MLM tiny base runs of the paper's
    /// design (<see cref="PaperDesignFolder"/>: no regulariser rows, BLiMP probed, trained past the structure plateau),
    /// each candidate of the second-scale search (<see cref="SecondScaleCandidates"/>, also plain MLM), then the
    /// independent reference run (<see cref="ReferenceRun"/>) where <paramref name="dataRoot"/> has it beside it.
    /// </summary>
    public static IReadOnlyList<(string Scale, IReadOnlyList<RecordedRun> Runs)> TwoScales(string runsRoot, string dataRoot) =>
    [
        ("tiny", RunSet.Load(Path.Combine(runsRoot, PaperDesignFolder)).OfVariant(SasVariant.Baseline)),
        .. SecondScaleCandidates(RunSet.Load(Path.Combine(runsRoot, SecondScaleFolder))),
        .. ReferenceRun.TryLoad(dataRoot) is { } reference ? [(ReferenceRun.Label, (IReadOnlyList<RecordedRun>)[reference])] : Array.Empty<(string, IReadOnlyList<RecordedRun>)>(),
    ];

    /// <summary>Claim 2: does BLiMP (and the masked-token accuracy) jump after the UAS plateau? The rule of <see cref="CapabilitiesSummary"/>.</summary>
    public static MarkdownTable Capabilities(IReadOnlyList<(string Label, RecordedRun Run)> runs)
    {
        var rows = runs.Select(entry =>
        {
            var (label, run) = entry;
            var c = CapabilitiesSummary.Of(run, LateAnalysisFrom);
            return (IReadOnlyList<string>)
            [
                label,
                $"{Step(c.UasStructureOnset)} / {Step(c.UasCapabilitiesOnset)}",
                c.BlimpProbes.ToString("N0", CultureInfo.InvariantCulture),
                c.BlimpProbes == 0 ? "—" : $"{Step(c.BlimpStructureOnset)} / {Step(c.BlimpCapabilitiesOnset)}" + Sudden(c.BlimpStructureOnset, c.BlimpOnsetSudden),
                Step(c.AccuracyStructureOnset) + Sudden(c.AccuracyStructureOnset, c.AccuracyOnsetSudden),
                c.BlimpProbes == 0 ? "—" : Chain("P1", c.BlimpPlateau, c.BlimpLastThree),
                c.FullBlimp is double f ? string.Create(CultureInfo.InvariantCulture, $"{f:P1} ({c.FullBlimpPairs:N0} pairs)") : "—",
                YesNo(c.BlimpFollowsPlateau), YesNo(c.AccuracyFollowsPlateau),
                c.Verdict(),
            ];
        }).ToList();
        return new MarkdownTable(
            ["run", "UAS ▲ / ⏺ (rise ≥ 0.05)", "BLiMP probes", $"BLiMP steepest rise after {LateAnalysisFrom:N0}: ▲ / ⏺", $"accuracy steepest rise after {LateAnalysisFrom:N0}: ▲", "BLiMP plateau → last three",
             "full BLiMP, last checkpoint", "UAS ⏺ before BLiMP ▲", "UAS ⏺ before accuracy ▲", "verdict"],
            rows);
    }

    private static string Sudden(double? step, bool sudden) => step is null || sudden ? "" : " (not sudden)";

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "—" };

    /// <summary>Claim 3: TwoNN dimension of each layer's token vectors around the UAS onsets, and its steepest change.</summary>
    public static MarkdownTable Simplicity(IReadOnlyList<(string Label, RecordedRun Run)> runs)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (label, run) in runs)
        {
            foreach (var dip in SimplicityDipSummary.Of(run))
            {
                var series = run.Series(MetricColumns.IntrinsicDimension(dip.Layer));
                var change = SteepestChange(series);
                rows.Add(
                [
                    label, dip.Layer.ToString(CultureInfo.InvariantCulture), series.Count.ToString(CultureInfo.InvariantCulture),
                    Step(dip.StructureOnsetStep),
                    Chain("F2", dip.IdStart, dip.IdAtStructureOnset, dip.IdMinBetweenOnsets, dip.IdAtCapabilitiesOnset, dip.IdFinal),
                    change is { } c
                        ? $"{(c.Direction == RiseDirection.Rising ? "rise" : "fall")} at {c.Onset.InflectionStep.ToString("N0", CultureInfo.InvariantCulture)}{(c.Onset.IsSignificant ? "" : " (not sudden)")}"
                        : "—",
                    change is { } d && dip.StructureOnsetStep is double s
                        ? (d.Onset.InflectionStep - s).ToString("+#,0;−#,0;0", CultureInfo.InvariantCulture)
                        : "—",
                ]);
            }
        }
        return new MarkdownTable(
            ["run", "layer", "TwoNN checkpoints", "UAS ▲", "ID start → ▲ → min(▲…⏺) → ⏺ → end", "steepest ID change", "its step − ▲"],
            rows);
    }

    /// <summary>Claims 4–6: every regulariser variant of the sweep over its seeds.</summary>
    public static MarkdownTable Variants(RunSet sweep)
    {
        var variants = sweep.Runs.Select(r => r.SasVariant).OfType<SasVariant>().Distinct()
            .OrderBy(v => v.Kind).ThenBy(v => v.ReleaseStep).ToList();
        var rows = variants.Select(variant =>
        {
            var runs = sweep.OfVariant(variant);
            var summaries = runs.Select(TransitionSummary.Of).ToList();
            var steps = summaries.Select(s => s.LastStep).Distinct().ToList();
            IReadOnlyList<string> cells =
            [
                variant.Label,
                RunSet.DescribeSeeds(runs),
                steps.Count == 1 ? Step(steps[0]) : string.Join(", ", steps.Select(Step)),
                .. EarlySteps.Select(e => SeedSpread.Format([.. runs.Select(r => r.Series(MetricColumns.Uas).At(e))], "F3")),
                OnsetsWithRise(runs),
                SeedSpread.Format([.. summaries.Select(s => s.UasFinal)], "F3"),
                .. EarlySteps.Select(e => SeedSpread.Format([.. runs.Select(r => r.Series(MetricColumns.EvalLoss).At(e))], "F2")),
                SeedSpread.Format([.. summaries.Select(s => s.LossFinal)], "F3"),
                SeedSpread.Format([.. runs.Select(r => r.Series(MetricColumns.EvalAccuracy).Last)], "F3"),
                SeedSpread.Format([.. summaries.Select(s => s.BlimpFinal)], "P1"),
                SeedSpread.Format([.. runs.Select(r => FinalEvaluation.Blimp(r)?.MeanOverParadigms)], "P1"),
                SeedSpread.Format([.. runs.Select(r => FinalEvaluation.Glue(r)?.Average)], "F3"),
            ];
            return cells;
        }).ToList();
        return new MarkdownTable(
            ["variant", "seeds", "last step",
             .. EarlySteps.Select(e => $"UAS @ {e:N0}"), "UAS ▲ (rise)", "final UAS",
             .. EarlySteps.Select(e => $"loss @ {e:N0}"), "final loss", "final MLM accuracy", $"final BLiMP (probe, {ProbePairs(sweep)} pairs/paradigm)", "final BLiMP (50 pairs/paradigm)", "final GLUE (average of 5 tasks)"],
            rows);
    }

    /// <summary>The in-training BLiMP probe's pairs per paradigm of the runs (from their config.json), e.g. "5" or "5, 20".</summary>
    private static string ProbePairs(RunSet runs) =>
        string.Join(", ", runs.Runs.Select(r => r.Config?.ProbeSettings.BlimpPerParadigm).OfType<int>().Distinct().Order());

    /// <summary>The λ selection of the paper's design: every strength with the rule's two tests, and λ̄* (or that it has not run).</summary>
    public static string LambdaSelection(string folder)
    {
        if (!Directory.Exists(Path.Combine(folder, LambdaChoice.BaseFolder)))
            return $"*Not run yet* (`{PaperDesignLambdaFolder}/` holds no base run).\n";
        var choice = LambdaChoice.Of(folder);
        return choice.Table().Render() + "\n" + (choice.Chosen is double chosen
            ? string.Create(CultureInfo.InvariantCulture, $"λ̄\\* = {chosen:0.###}{(choice.RegularizerDominates ? " (fallback: the regulariser dominates SAS+'s loss)" : "")}\n")
            : "No strength suppresses SAS by rule 1: no λ̄\\*.\n");
    }

    /// <summary>The release plan of the paper's design from its sweep's base runs, or that they have not run.</summary>
    public static string ReleaseSteps(RunSet sweep)
    {
        if (sweep.OfVariant(SasVariant.Baseline).Count == 0) return $"*Not run yet* (`{PaperDesignFolder}/` holds no base run).\n";
        var plan = ReleasePlan.Of(sweep);
        return plan.Table().Render() + "\n" + plan.Describe() + "\n";
    }

    /// <summary>The variants table of the paper's design, or that it has not run.</summary>
    public static string PaperDesignVariants(RunSet sweep) =>
        sweep.Runs.Count == 0 ? $"*Not run yet* (`{PaperDesignFolder}/` is empty).\n" : Variants(sweep).Render();

    /// <summary>
    /// Claims 4–6 (or only <paramref name="claims"/>) judged on the paper's design (<see cref="RegularizerVerdicts"/>), or
    /// that they cannot be yet.
    /// </summary>
    public static string PaperDesignVerdicts(RunSet sweep, IReadOnlyCollection<int>? claims = null)
    {
        if (sweep.OfVariant(SasVariant.Baseline).Count == 0) return $"*Not run yet* (`{PaperDesignFolder}/` holds no base run).\n";
        var plan = ReleasePlan.Of(sweep);
        return plan.IsReady ? RegularizerVerdicts.Of(sweep, plan).Render(claims) : "*Not judged yet*: the release plan is not ready.\n";
    }

    /// <summary>
    /// Claim 6 at twice the horizon: per variant of <see cref="LongHorizonFolder"/>, over seeds, UAS and loss at
    /// <paramref name="steps"/> (default <see cref="HorizonSteps"/>), the UAS onsets over the whole run, and the final MLM
    /// accuracy and BLiMP (50 pairs/paradigm).
    /// </summary>
    public static MarkdownTable Horizon(RunSet extended, IReadOnlyList<int>? steps = null)
    {
        steps ??= HorizonSteps;
        var variants = extended.Runs.Select(r => r.SasVariant).OfType<SasVariant>().Distinct()
            .OrderBy(v => v.Kind).ThenBy(v => v.ReleaseStep).ToList();
        var rows = variants.Select(variant =>
        {
            var runs = extended.OfVariant(variant);
            IReadOnlyList<string> cells =
            [
                variant.Label,
                RunSet.DescribeSeeds(runs),
                string.Join(", ", runs.Select(r => Step(TransitionSummary.Of(r).LastStep)).Distinct()),
                .. steps.Select(h => SeedSpread.Format([.. runs.Select(r => r.Series(MetricColumns.Uas).At(h))], "F3")),
                OnsetsWithRise(runs),
                .. steps.Select(h => SeedSpread.Format([.. runs.Select(r => r.Series(MetricColumns.EvalLoss).At(h))], "F3")),
                SeedSpread.Format([.. runs.Select(r => r.Series(MetricColumns.EvalAccuracy).Last)], "F3"),
                SeedSpread.Format([.. runs.Select(r => FinalEvaluation.Blimp(r)?.MeanOverParadigms)], "P1"),
            ];
            return cells;
        }).ToList();
        return new MarkdownTable(
            ["variant", "seeds", "last step",
             .. steps.Select(h => $"UAS @ {h:N0}"), "UAS ▲ (rise)",
             .. steps.Select(h => $"loss @ {h:N0}"), "final MLM accuracy", "final BLiMP (50 pairs/paradigm)"],
            rows);
    }

    /// <summary>The GLUE tasks in the order of the <c>glue</c> table, with the metrics each task's score averages.</summary>
    public static readonly (string Task, string Metrics)[] GlueColumns =
        [("CoLA", "MCC"), ("SST-2", "acc."), ("MRPC", "F1/acc."), ("STS-B", "Pearson/Spearman"), ("RTE", "acc.")];

    /// <summary>
    /// Claim 6: each run's GLUE report of its last checkpoint (<see cref="FinalEvaluation.Glue"/>), task by task, after a row
    /// for every untrained model measured (a report of step 0) and one for the majority class. Runs without a report are
    /// left out; the fine-tuning settings are named once when all reports share them, per row otherwise.
    /// </summary>
    public static MarkdownTable Glue(IReadOnlyList<(string Label, RecordedRun Run)> runs)
    {
        var untrained = runs.Select(r => (r.Label, Report: FinalEvaluation.Glue(r.Run, step: 0))).Where(r => r.Report is not null).ToList();
        var final = runs.Select(r => (r.Label, Report: FinalEvaluation.Glue(r.Run))).Where(r => r.Report is not null).ToList();
        var reports = untrained.Concat(final).Select(r => r.Report!).ToList();
        if (reports.Count == 0) return new MarkdownTable(["run", "GLUE"], []);
        var settings = reports.Select(Settings).Distinct().ToList();
        string Score(GlueReport report, string task) =>
            report.Tasks.FirstOrDefault(t => t.Task == task)?.Score.ToString("F3", CultureInfo.InvariantCulture) ?? "—";
        IReadOnlyList<string> Row(string label, GlueReport report) =>
        [
            label, report.Step.ToString("N0", CultureInfo.InvariantCulture), .. GlueColumns.Select(c => Score(report, c.Task)),
            report.Average.ToString("F3", CultureInfo.InvariantCulture), .. settings.Count > 1 ? [Settings(report)] : Array.Empty<string>(),
        ];
        var majority = GlueColumns.Select(c => reports.SelectMany(r => r.Tasks).FirstOrDefault(t => t.Task == c.Task)?.MajorityBaseline).ToList();
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "majority class", "—" }.Concat(majority.Select(m => m?.ToString("F3", CultureInfo.InvariantCulture) ?? "—"))
                .Append(majority.All(m => m is not null) ? majority.Average(m => m!.Value).ToString("F3", CultureInfo.InvariantCulture) : "—")
                .Concat(settings.Count > 1 ? ["—"] : Array.Empty<string>()).ToList(),
        };
        rows.AddRange(untrained.Select(r => Row($"untrained ({r.Label}, step 0)", r.Report!)));
        rows.AddRange(final.Select(r => Row(r.Label, r.Report!)));
        return new MarkdownTable(
            ["run", "step", .. GlueColumns.Select(c => $"{c.Task} ({c.Metrics})"),
             settings.Count == 1 ? $"average ({settings[0]})" : "average", .. settings.Count > 1 ? ["fine-tuning"] : Array.Empty<string>()],
            rows);
    }

    /// <summary>The fine-tuning settings of a GLUE report in a few words, e.g. "lr 1e-4, 3 epochs, ≤ 5,000 examples".</summary>
    private static string Settings(GlueReport report) =>
        string.Create(CultureInfo.InvariantCulture,
            $"lr {report.Config.LearningRate:0.#####e0}, {report.Config.Epochs} epochs, batch {report.Config.BatchSize}")
        + (report.Config.MaxTrain is int n ? $", ≤ {n.ToString("N0", CultureInfo.InvariantCulture)} training examples" : "");

    /// <summary>
    /// Our addition: per-relation onsets of the sweep's base runs, from their <c>curves/relation_onsets.csv</c>
    /// (<see cref="RelationOnsets.Read"/>), in order of the steepest rise: the relation, its words in the UAS sample, the final UAS of
    /// its best head against its best fixed-offset parser, and the onsets of its curve.
    /// </summary>
    public static MarkdownTable Relations(RunSet sweep)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var run in sweep.OfVariant(SasVariant.Baseline))
        {
            var path = CurveFiles.RelationOnsetsOf(run.RunFolder);
            if (!File.Exists(path)) continue;
            foreach (var row in RelationOnsets.Read(path).OrderBy(r => r.Inflection ?? double.MaxValue))
            {
                rows.Add(
                [
                    $"{SweepFolder}/{run.Name}", row.Relation, row.Words.ToString("N0", CultureInfo.InvariantCulture),
                    row.FinalUas.ToString("F3", CultureInfo.InvariantCulture),
                    $"{row.BaselineUas.ToString("F3", CultureInfo.InvariantCulture)} ({row.BaselineOffset.ToString("+0;−0", CultureInfo.InvariantCulture)})",
                    (row.FinalUas - row.BaselineUas).ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture),
                    string.Join(" / ", new[] { row.StructureOnset, row.Inflection, row.CapabilitiesOnset }.Select(Step)),
                    (row.Rise ?? double.NaN).ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture),
                    row.Significant == true ? "yes" : "no",
                ]);
            }
        }
        return new MarkdownTable(
            ["run", "relation", "words", "final UAS", "best offset parser", "margin", "▲ / steepest / ⏺", "rise", "sudden"], rows);
    }

    /// <summary>
    /// The steepest rise (or drop) of a series from <paramref name="from"/> on, significant or not (see
    /// <see cref="Onset.IsSignificant"/>); null when it never moves that way or has fewer than 5 points.
    /// </summary>
    private static Onset? Steepest(MetricSeries series, RiseDirection direction, double from)
    {
        var late = series.From(from);
        return late.Count < 5 ? null : OnsetDetector.Analyze(late.Steps, late.Values, new OnsetOptions { Direction = direction }).Candidate;
    }

    /// <summary>
    /// The steepest change of a series: its rise or its fall, whichever is significant (both: the larger by rise fraction;
    /// neither: the larger candidate, reported as not sudden).
    /// </summary>
    private static (RiseDirection Direction, Onset Onset)? SteepestChange(MetricSeries series) =>
        new[] { RiseDirection.Rising, RiseDirection.Falling }
            .Select(d => (Direction: d, Onset: Steepest(series, d, double.NegativeInfinity)))
            .Where(x => x.Onset is not null)
            .OrderByDescending(x => x.Onset!.IsSignificant)
            .ThenByDescending(x => x.Onset!.RiseFraction)
            .Select(x => ((RiseDirection, Onset)?)(x.Direction, x.Onset!))
            .FirstOrDefault();

    /// <summary>"▲ / steepest / ⏺", marked "(not sudden)" when the detector's significance tests fail.</summary>
    private static string OnsetCell(Onset? onset) => onset is null
        ? "none"
        : string.Join(" / ", new[] { onset.StructureOnsetStep, onset.InflectionStep, onset.CapabilitiesOnsetStep }.Select(s => Step(s)))
          + (onset.IsSignificant ? "" : " (not sudden)");

    /// <summary>Each seed's UAS ▲ with the size of the rise, e.g. "3,548 (+0.217)"; "none" for no significant onset.</summary>
    private static string OnsetsWithRise(IEnumerable<RecordedRun> runs) => string.Join(", ", runs.Select(run =>
    {
        var (onset, _) = TransitionSummary.DetectOnset(run.Series(MetricColumns.Uas));
        return onset is null ? "none" : $"{Step(onset.StructureOnsetStep)} ({onset.Rise.ToString("+0.000;−0.000", CultureInfo.InvariantCulture)})";
    }));

    private static string Step(double? step) => step is double s ? Math.Round(s).ToString("N0", CultureInfo.InvariantCulture) : "none";

    private static string Chain(string format, params double?[] values) =>
        string.Join(" → ", values.Select(v => v is double d ? d.ToString(format, CultureInfo.InvariantCulture) : "—"));
}
