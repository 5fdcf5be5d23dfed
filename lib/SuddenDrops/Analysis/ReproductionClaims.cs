using System.Text.RegularExpressions;

namespace SuddenDrops.Analysis;

/// <summary>
/// The claims of <c>REPRODUCTION.md</c> (repository root), one section per claim (<c>### Claim N: …</c>: the paper's
/// statement, what our runs show, the verdict), for the notebooks' closing "paper says / our runs show / verdict" cells:
/// they show the report's own text, so a notebook and the report can never disagree.
/// </summary>
public static partial class ReproductionClaims
{
    public const string FileName = "REPRODUCTION.md";

    /// <summary>The section of claim <paramref name="claim"/> (heading included, up to the next heading).</summary>
    /// <exception cref="InvalidDataException">The report has no such claim (file and claim named).</exception>
    public static string Section(string repositoryRoot, int claim)
    {
        var path = Path.Combine(repositoryRoot, FileName);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var match = Heading().Matches(text).FirstOrDefault(m => m.Groups[1].Value == claim.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    ?? throw new InvalidDataException($"{path} has no section '### Claim {claim}: …'.");
        var next = Heading().Match(text, match.Index + match.Length);
        var nextTop = text.IndexOf("\n## ", match.Index, StringComparison.Ordinal);
        var end = new[] { next.Success ? next.Index : text.Length, nextTop >= 0 ? nextTop + 1 : text.Length }.Min();
        return text[match.Index..end].TrimEnd() + "\n";
    }

    /// <summary>The claim's verdict line (<c>**Verdict: …**</c> and the sentence after it).</summary>
    public static string Verdict(string repositoryRoot, int claim)
    {
        var section = Section(repositoryRoot, claim);
        var at = section.IndexOf("**Verdict:", StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException($"Claim {claim} of {FileName} has no '**Verdict: …**' paragraph.");
        var end = section.IndexOf("\n\n", at, StringComparison.Ordinal);
        return section[at..(end < 0 ? section.Length : end)].Trim();
    }

    [GeneratedRegex(@"^### Claim (\d+):", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
