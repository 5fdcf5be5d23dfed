using System.Globalization;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Analysis;

/// <summary>
/// One strength |λ̄| tried by the λ selection of the paper's design (issue 16), judged by the rule written in
/// <c>lib/SuddenDrops/Training/Regularizer.md</c> ("Choosing λ per edge") before any run of it.
/// </summary>
/// <param name="Lambda">|λ̄|, per directed edge.</param>
/// <param name="WorstSuppression">
/// The largest ratio, over the log steps from <see cref="LambdaChoice.SuppressionFrom"/> to the last, of SAS−'s logged
/// R / 2E to base's at the same step; null when SAS− or its log is missing.
/// </param>
/// <param name="SasPlusLoss">SAS+'s held-out MLM loss at its last checkpoint; null when missing.</param>
/// <param name="BaseLoss">Base's held-out MLM loss at the same step.</param>
public sealed record LambdaTrial(double Lambda, double? WorstSuppression, double? SasPlusLoss, double? BaseLoss)
{
    /// <summary>Rule 1: SAS−'s R / 2E stays at most half of base's at every log step from step 500 on.</summary>
    public bool Suppresses => WorstSuppression <= LambdaChoice.MaxSuppressionRatio;

    /// <summary>Rule 2: SAS+'s final held-out MLM loss is within 2 % of base's (at most 1.02 × base's).</summary>
    public bool KeepsMlm => SasPlusLoss <= BaseLoss * (1 + LambdaChoice.MaxLossIncrease);

    /// <summary>SAS+'s final loss relative to base's, minus 1 (0.013 = 1.3 % worse).</summary>
    public double? LossIncrease => SasPlusLoss / BaseLoss - 1;
}

/// <summary>
/// The λ selection of the paper's design, as code: on seed 9 (never reported), base and, for each |λ̄|, SAS+ and SAS−,
/// 3,000 steps each (the commands in <c>Regularizer.md</c>: <c>BASE/base-s9</c> and <c>l&lt;λ&gt;/sas+-s9</c>,
/// <c>l&lt;λ&gt;/sas--s9</c> under one folder).
/// <list type="number">
/// <item><see cref="LambdaTrial.Suppresses"/> and <see cref="LambdaTrial.KeepsMlm"/> per |λ̄|.</item>
/// <item><b>λ̄* = the largest |λ̄| that passes both</b>; if none does, the smallest |λ̄| that suppresses is taken and the
/// SAS+ runs are reported as "regulariser dominates the loss"; if none suppresses, there is no λ̄*.</item>
/// </list>
/// </summary>
/// <param name="Trials">Every |λ̄| found, smallest first.</param>
/// <param name="Chosen">λ̄*, or null.</param>
/// <param name="RegularizerDominates">Whether λ̄* came from the fallback (no |λ̄| keeps the MLM loss and suppresses).</param>
public sealed record LambdaChoice(IReadOnlyList<LambdaTrial> Trials, double? Chosen, bool RegularizerDominates)
{
    /// <summary>Rule 1's threshold: SAS−'s R / 2E at most this fraction of base's.</summary>
    public const double MaxSuppressionRatio = 0.5;

    /// <summary>Rule 1 is checked from this step on (the regulariser needs a few hundred steps to act).</summary>
    public const double SuppressionFrom = 500;

    /// <summary>Rule 2's threshold: SAS+'s final loss at most this much above base's, relatively.</summary>
    public const double MaxLossIncrease = 0.02;

    /// <summary>The folder of base's run under the selection folder.</summary>
    public const string BaseFolder = "base";

    /// <summary>The folder of one strength's SAS+ and SAS− runs, e.g. <c>l0.03</c>.</summary>
    public static string StrengthFolder(double lambda) => "l" + lambda.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Judges every strength found under <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No base run under <c>folder/base</c>.</exception>
    public static LambdaChoice Of(string folder)
    {
        var baseRun = RunSet.Load(Path.Combine(folder, BaseFolder)).OfVariant(SasVariant.Baseline).FirstOrDefault()
            ?? throw new DirectoryNotFoundException($"{Path.Combine(folder, BaseFolder)}: no base run (sdrops sweep --variants base --out …/{BaseFolder}).");
        var trials = new List<LambdaTrial>();
        foreach (var directory in Directory.GetDirectories(folder))
        {
            var name = Path.GetFileName(directory);
            if (name.Length < 2 || name[0] != 'l'
                || !double.TryParse(name[1..], NumberStyles.Float, CultureInfo.InvariantCulture, out var lambda)) continue;
            var runs = RunSet.Load(directory);
            trials.Add(Judge(lambda, baseRun, runs.OfVariant(SasVariant.SasPlus).FirstOrDefault(), runs.OfVariant(SasVariant.SasMinus).FirstOrDefault()));
        }
        trials.Sort((a, b) => a.Lambda.CompareTo(b.Lambda));
        return Choose(trials);
    }

    /// <summary>Rule 3 applied to judged strengths.</summary>
    public static LambdaChoice Choose(IReadOnlyList<LambdaTrial> trials)
    {
        var both = trials.Where(t => t.Suppresses && t.KeepsMlm).ToList();
        if (both.Count > 0) return new LambdaChoice(trials, both.Max(t => t.Lambda), false);
        var suppressing = trials.Where(t => t.Suppresses).ToList();
        return suppressing.Count > 0
            ? new LambdaChoice(trials, suppressing.Min(t => t.Lambda), true)
            : new LambdaChoice(trials, null, false);
    }

    /// <summary>Rules 1 and 2 for one strength.</summary>
    public static LambdaTrial Judge(double lambda, RecordedRun baseRun, RecordedRun? sasPlus, RecordedRun? sasMinus)
    {
        double? worst = null;
        if (sasMinus is not null)
        {
            var reference = PerEdge(baseRun).Where(p => p.Value > 0).ToDictionary(); // a ratio needs base's R / 2E above 0
            var ratios = PerEdge(sasMinus).Where(p => p.Key >= SuppressionFrom && reference.ContainsKey(p.Key))
                .Select(p => p.Value / reference[p.Key]).ToList();
            worst = ratios.Count == 0 ? null : ratios.Max();
        }
        double? plusLoss = null, baseLoss = null;
        if (sasPlus?.Series(MetricColumns.EvalLoss) is { IsEmpty: false } plus)
        {
            plusLoss = plus.Last;
            baseLoss = baseRun.Series(MetricColumns.EvalLoss).At(plus.Steps[^1]);
        }
        return new LambdaTrial(lambda, worst, plusLoss, baseLoss);
    }

    /// <summary>The rule and every strength, as markdown.</summary>
    public MarkdownTable Table() => new(
        ["|λ̄| per edge", "SAS− R/2E ÷ base's, worst from step 500", "suppresses (≤ 0.5)", "SAS+ final loss ÷ base's − 1", "keeps the MLM (≤ 2 %)", "λ̄*"],
        [.. Trials.Select(t => (IReadOnlyList<string>)
        [
            t.Lambda.ToString("0.###", CultureInfo.InvariantCulture),
            t.WorstSuppression is double w ? w.ToString("0.000", CultureInfo.InvariantCulture) : "—",
            t.WorstSuppression is null ? "—" : t.Suppresses ? "yes" : "no",
            t.LossIncrease is double l ? l.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) : "—",
            t.LossIncrease is null ? "—" : t.KeepsMlm ? "yes" : "no",
            t.Lambda == Chosen ? (RegularizerDominates ? "**chosen** (fallback: regulariser dominates the loss)" : "**chosen**") : "",
        ])]);

    /// <summary>R / 2E by step from <c>train_log.csv</c> (rows where it was measured; 0 is a measurement).</summary>
    private static Dictionary<double, double> PerEdge(RecordedRun run)
    {
        var path = run.RunFolder.TrainLogPath;
        if (!File.Exists(path)) return [];
        var log = new MetricsLog(path);
        var series = MetricSeries.FromColumns(MetricColumns.RegularizerPerEdge, log.Numbers(MetricColumns.Step), log.Numbers(MetricColumns.RegularizerPerEdge));
        return series.Steps.Zip(series.Values).ToDictionary(p => p.First, p => p.Second);
    }
}
