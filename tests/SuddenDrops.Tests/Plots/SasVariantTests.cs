using SuddenDrops.Plots;

namespace SuddenDrops.Tests.Plots;

public class SasVariantTests
{
    [Theory]
    [InlineData("base", SasVariantKind.Base, null, "base")]
    [InlineData("sas+", SasVariantKind.Promoted, null, "SAS+")]
    [InlineData("SAS-", SasVariantKind.Suppressed, null, "SAS−")]
    [InlineData("sas-@2000", SasVariantKind.SuppressedUntil, 2000, "SAS−(2,000)")]
    [InlineData("sas-@0", SasVariantKind.SuppressedUntil, 0, "SAS−(0)")]
    public void Reads_the_four_variant_names(string name, SasVariantKind kind, int? k, string label)
    {
        var variant = SasVariant.TryParse(name);

        Assert.Equal(new SasVariant(kind, k), variant);
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
    public void Other_names_are_no_variant(string name) => Assert.Null(SasVariant.TryParse(name));
}
