using System.Globalization;
using System.Text;
using SuddenDrops.Analysis;
using SuddenDrops.Figures;
using SuddenDrops.Runs;
using SuddenDrops.Training;

namespace SuddenDrops.Notebooks;

/// <summary>
/// What the SAS experiments show, in sentences built from the runs (for the notebooks' "what our runs show"): onsets and final
/// numbers of each variant against the paper's expectations (Chen et al. 2024, §4: SAS+ reaches its structure onset earlier than
/// base, SAS− never forms SAS, SAS−(k) released early ends best).
/// </summary>
public static class VariantComparison
{
    /// <summary>Base vs SAS+ vs SAS−, one sentence per variant present, and the missing ones named.</summary>
    public static string DescribeVariants(RunSet runs)
    {
        var text = new StringBuilder();
        foreach (var variant in SasVariantsFigure.Variants)
            text.AppendLine(DescribeVariant(runs, variant));
        return text.ToString().TrimEnd();
    }

    /// <summary>SAS−(k) for each k present, beside base and SAS−.</summary>
    public static string DescribeEarlySuppression(RunSet runs)
    {
        var text = new StringBuilder();
        if (runs.ReleaseVariants.Count == 0)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"No SAS−(k) run in {SasVariantsFigure.Describe(runs)} yet (run folders sas-@k-sN); the early-suppression figure is empty until there is one."));
        foreach (var variant in runs.ReleaseVariants.Prepend(SasVariant.SasMinus).Prepend(SasVariant.Baseline))
            text.AppendLine(DescribeVariant(runs, variant));
        return text.ToString().TrimEnd();
    }

    private static string DescribeVariant(RunSet runs, SasVariant variant)
    {
        var variantRuns = runs.OfVariant(variant);
        if (variantRuns.Count == 0)
            return $"{variant.Label}: no run yet (no {variant}-sN folder in {SasVariantsFigure.Describe(runs)}).";
        var outcomes = variantRuns.Select(VariantOutcome.Of).ToList();
        var inv = CultureInfo.InvariantCulture;
        var onsets = outcomes.Select(o => o.StructureOnsetStep is double s ? s.ToString("N0", inv) : "none").ToList();
        var text = new StringBuilder();
        text.Append(inv, $"{variant.Label} ({RunSet.DescribeSeeds(variantRuns)}): structure onset ▲ at step {string.Join(" / ", onsets)}; ");
        text.Append(inv, $"final UAS {Join(outcomes.Select(o => o.FinalUas), "F3")} (best {Join(outcomes.Select(o => o.MaxUas), "F3")}), ");
        text.Append(inv, $"final MLM loss {Join(outcomes.Select(o => o.FinalLoss), "F3")} at step {Join(outcomes.Select(o => o.LastStep), "N0")}");
        if (outcomes.Any(o => o.FinalBlimp is not null)) text.Append(inv, $", BLiMP {Join(outcomes.Select(o => o.FinalBlimp), "P1")}");
        if (outcomes.Any(o => o.Glue is not null)) text.Append(inv, $", GLUE {Join(outcomes.Select(o => o.Glue), "F3")}");
        return text.Append('.').ToString();
    }

    private static string Join(IEnumerable<double?> values, string format) =>
        string.Join(" / ", values.Select(v => v is double d ? d.ToString(format, CultureInfo.InvariantCulture) : "—"));
}
