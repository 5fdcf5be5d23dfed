
using SuddenDrops.Runs;

namespace SuddenDrops.Tests.Runs;

public class RunNameTests
{
    [Theory]
    [InlineData("sas-@2000-s1", "sas-@2000", 1)]
    [InlineData("sas--s3", "sas-", 3)]
    [InlineData("sas+-s0", "sas+", 0)]
    [InlineData("base-s12", "base", 12)]
    [InlineData("tiny-s0", "tiny", 0)]
    public void Splits_the_seed_suffix_off(string folder, string variant, int seed) =>
        Assert.Equal(new RunName(variant, seed), RunName.Parse(folder));

    [Theory]
    [InlineData("small")]
    [InlineData("r2-lr7e-4-b64")]
    [InlineData("r7-lr5e-4-b64-w1000")]
    [InlineData("tiny-s")]
    public void A_name_without_seed_suffix_is_its_own_variant(string folder) =>
        Assert.Equal(new RunName(folder, null), RunName.Parse(folder));
}
