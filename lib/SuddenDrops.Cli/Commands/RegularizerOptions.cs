using System.CommandLine;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary>
/// The syntactic regulariser's options: a magnitude |λ| and the labelled share; the variant (which sets the sign) is given by
/// <c>--variant</c> (train) or <c>--variants</c> (sweep). A signed λ is never accepted.
/// </summary>
internal sealed class RegularizerOptions
{
    public Option<double?> Lambda { get; } = new("--lambda")
    {
        Description = $"|λ|, the regulariser's magnitude (default {RegularizerConfig.DefaultMagnitude}); the variant sets the sign: sas+ promotes, sas- suppresses.",
    };

    public Option<double?> LabeledShare { get; } = new("--labelled-share")
    {
        Description = $"Share of each batch drawn from the treebank's sentences (default {RegularizerConfig.DefaultLabeledShare}).",
    };

    public Option<string?> Treebank { get; } = new("--treebank")
    {
        Description = $"CoNLL-U file with the gold trees, relative to the data root (default {RegularizerConfig.EwtTrain}).",
    };

    public Option<string[]> SilverTreebanks { get; } = new("--silver-treebank")
    {
        Description = "CoNLL-U file of parsed (silver) trees whose sentences join the treebank's as labelled rows (e.g. from `sdrops parse`); repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Lambda);
        command.Options.Add(LabeledShare);
        command.Options.Add(Treebank);
        command.Options.Add(SilverTreebanks);
    }

    /// <summary>Whether any regulariser setting was given (they need a variant).</summary>
    public bool AnyGiven(ParseResult parse) =>
        parse.GetValue(Lambda) is not null || parse.GetValue(LabeledShare) is not null || parse.GetValue(Treebank) is not null || Silver(parse) is not null;

    /// <summary>The silver treebanks given, or null for none (so that config.json stays as without them).</summary>
    private IReadOnlyList<string>? Silver(ParseResult parse) => parse.GetValue(SilverTreebanks) is { Length: > 0 } files ? files : null;

    /// <param name="onTrainingRows">The corpus is parsed (<c>--silver</c>): the regulariser acts on the training rows' own edges,
    /// with λ per directed edge, and takes no labelled rows.</param>
    /// <param name="regularized">Whether any run made from the result has λ ≠ 0 (a sweep of base runs alone needs no λ).</param>
    public RegularizerConfig For(SasVariant variant, ParseResult parse, bool onTrainingRows = false, bool? regularized = null)
    {
        if (onTrainingRows)
        {
            if (parse.GetValue(LabeledShare) is not null || parse.GetValue(Treebank) is not null || Silver(parse) is not null)
                throw new ArgumentException("With --silver the regulariser acts on the training rows' own silver trees: --labelled-share, --treebank and --silver-treebank do not apply.");
            if (!(regularized ?? variant.Kind != SasVariantKind.Baseline) && parse.GetValue(Lambda) is null)
                return RegularizerConfig.OnTrainingRows(variant, 0); // base alone: λ = 0 at every step, magnitude 0
            var perEdge = parse.GetValue(Lambda) ?? (double.IsNaN(RegularizerConfig.DefaultPerEdgeMagnitude)
                ? throw new ArgumentException("With --silver, λ is per directed edge and has no default yet (Training/Regularizer.md, \"Choosing λ per edge\"): give --lambda.")
                : RegularizerConfig.DefaultPerEdgeMagnitude);
            if (perEdge < 0)
                throw new ArgumentException($"--lambda is the magnitude |λ| (got {perEdge}); the variant gives the sign: sas+ promotes SAS, sas- suppresses it.");
            return RegularizerConfig.OnTrainingRows(variant, perEdge);
        }
        var magnitude = parse.GetValue(Lambda) ?? RegularizerConfig.DefaultMagnitude;
        if (magnitude < 0)
            throw new ArgumentException($"--lambda is the magnitude |λ| (got {magnitude}); the variant gives the sign: sas+ promotes SAS, sas- suppresses it.");
        return new RegularizerConfig(variant, magnitude,
            parse.GetValue(LabeledShare) ?? RegularizerConfig.DefaultLabeledShare,
            parse.GetValue(Treebank) ?? RegularizerConfig.EwtTrain,
            Silver(parse));
    }

    /// <summary>Comma-separated variant names, parsed; duplicates refused.</summary>
    public static IReadOnlyList<SasVariant> ParseVariants(string text)
    {
        var variants = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SasVariant.Parse).ToList();
        if (variants.Count == 0) throw new ArgumentException("--variants names no variant (e.g. base,sas+,sas-,sas-@3000).");
        var repeated = variants.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"--variants names {repeated.Key} twice.");
        return variants;
    }
}
