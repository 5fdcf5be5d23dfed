using SuddenDrops.Training;
using Xunit;

namespace SuddenDrops.Tests.Runs;

/// <summary>Run folders name their variant the way the sweep writes it; figures label it in the paper's notation.</summary>
public class RunFolderVariantTests
{
    [Theory]
    [InlineData("base", SasVariantKind.Baseline, null, "base")]
    [InlineData("sas+", SasVariantKind.SasPlus, null, "SAS+")]
    [InlineData("SAS-", SasVariantKind.SasMinus, null, "SAS−")]
    [InlineData("sas-@2000", SasVariantKind.SasMinusReleased, 2000L, "SAS−(2,000)")]
    public void Reads_the_four_variant_names(string name, SasVariantKind kind, long? k, string label)
    {
        var variant = SasVariant.TryParse(name);
        Assert.NotNull(variant);
        Assert.Equal(kind, variant.Kind);
        Assert.Equal(k, variant.ReleaseStep);
        Assert.Equal(label, variant.Label);
        Assert.Equal(name.ToLowerInvariant(), variant.ToString());
    }

    [Theory]
    [InlineData("tiny")]
    [InlineData("small")]
    [InlineData("sas")]
    [InlineData("sas-@")]
    [InlineData("sas-@x")]
    [InlineData("sas-@0")]
    public void Other_names_are_no_variant(string name) => Assert.Null(SasVariant.TryParse(name));
}
