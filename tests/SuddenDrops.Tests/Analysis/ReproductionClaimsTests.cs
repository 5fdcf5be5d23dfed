using SuddenDrops.Analysis;
using SuddenDrops.Tests.Notebooks;

namespace SuddenDrops.Tests.Analysis;

/// <summary>The notebooks' closing cells show REPRODUCTION.md's own claim sections.</summary>
public class ReproductionClaimsTests
{
    [Fact]
    public void Every_claim_has_a_section_with_a_verdict_and_no_other_claim_in_it()
    {
        for (var claim = 1; claim <= 6; claim++)
        {
            var section = ReproductionClaims.Section(RepositoryLayout.Root, claim);
            Assert.StartsWith($"### Claim {claim}:", section);
            Assert.DoesNotContain($"### Claim {claim + 1}:", section);
            Assert.StartsWith("**Verdict:", ReproductionClaims.Verdict(RepositoryLayout.Root, claim));
        }
        var missing = Assert.Throws<InvalidDataException>(() => ReproductionClaims.Section(RepositoryLayout.Root, 7));
        Assert.Contains("REPRODUCTION.md", missing.Message);
    }
}
