using SuddenDrops.Plots;

namespace SuddenDrops.Tests.Plots;

public class RunVariantTests
{
    [Theory]
    [InlineData("base", RunVariantKind.Base, null, "base")]
    [InlineData("sas+", RunVariantKind.Promoted, null, "SAS+")]
    [InlineData("SAS-", RunVariantKind.Suppressed, null, "SAS−")]
    [InlineData("sas-@2000", RunVariantKind.SuppressedUntil, 2000, "SAS−(2,000)")]
    [InlineData("sas-@0", RunVariantKind.SuppressedUntil, 0, "SAS−(0)")]
    public void Reads_the_four_variant_names(string name, RunVariantKind kind, int? k, string label)
    {
        var variant = RunVariant.TryParse(name);

        Assert.Equal(new RunVariant(kind, k), variant);
        Assert.Equal(label, variant!.Label);
        Assert.Equal(name.ToLowerInvariant(), variant.Name);
    }

    [Theory]
    [InlineData("small")]
    [InlineData("sas")]
    [InlineData("sas-@")]
    [InlineData("sas-@-5")]
    [InlineData("sas-@1e3")]
    [InlineData("tiny")]
    public void Other_names_are_no_variant(string name) => Assert.Null(RunVariant.TryParse(name));
}
