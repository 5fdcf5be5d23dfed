using System.Text.Json;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

public class SasVariantTests
{
    [Theory]
    [InlineData("base", SasVariantKind.Baseline, null, "base")]
    [InlineData("Baseline", SasVariantKind.Baseline, null, "base")]
    [InlineData("sas+", SasVariantKind.SasPlus, null, "sas+")]
    [InlineData(" SAS- ", SasVariantKind.SasMinus, null, "sas-")]
    [InlineData("sas-@3000", SasVariantKind.SasMinusReleased, 3000L, "sas-@3000")]
    [InlineData("sas-@3_000", SasVariantKind.SasMinusReleased, 3000L, "sas-@3000")]
    [InlineData("sas-@1", SasVariantKind.SasMinusReleased, 1L, "sas-@1")]
    public void Names_parse_to_their_variant_and_print_back(string text, SasVariantKind kind, long? release, string name)
    {
        var variant = SasVariant.Parse(text);
        Assert.Equal(kind, variant.Kind);
        Assert.Equal(release, variant.ReleaseStep);
        Assert.Equal(name, variant.ToString());
        Assert.Equal(variant, SasVariant.Parse(variant.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sas")]
    [InlineData("sas+@3000")]
    [InlineData("sas-@")]
    [InlineData("sas-@0")]
    [InlineData("sas-@-5")]
    [InlineData("sas-@3k")]
    [InlineData("-0.5")]
    public void Anything_else_is_refused_with_the_accepted_names(string text)
    {
        var error = Assert.Throws<FormatException>(() => SasVariant.Parse(text));
        Assert.Contains("sas-@k", error.Message);
    }

    [Fact]
    public void The_variant_sets_the_sign_of_lambda_and_the_release_turns_it_off()
    {
        Assert.Equal(0, SasVariant.Baseline.LambdaAt(0, 0.5));
        Assert.Equal(-0.5, SasVariant.SasPlus.LambdaAt(0, 0.5));      // promotes: attention on gold edges lowers the loss
        Assert.Equal(-0.5, SasVariant.SasPlus.LambdaAt(99_999, 0.5));
        Assert.Equal(0.5, SasVariant.SasMinus.LambdaAt(99_999, 0.5)); // suppresses
        var released = SasVariant.Parse("sas-@3000");
        Assert.Equal(0.5, released.LambdaAt(0, 0.5));
        Assert.Equal(0.5, released.LambdaAt(2999, 0.5));
        Assert.Equal(0, released.LambdaAt(3000, 0.5));
        Assert.Equal(0, released.LambdaAt(5000, 0.5));
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_signed_or_non_finite_magnitude_is_refused(double magnitude)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SasVariant.SasPlus.LambdaAt(0, magnitude));
        var config = Presets.Tiny with { Regularizer = new RegularizerConfig(SasVariant.SasMinus, magnitude) };
        Assert.Throws<ArgumentException>(() => config.Validate());
    }

    [Fact]
    public void The_labeled_rows_are_the_share_of_the_batch_and_never_all_or_none()
    {
        Assert.Equal(16, new RegularizerConfig(SasVariant.Baseline, LabeledShare: 0.25).LabeledRows(64));
        Assert.Equal(2, new RegularizerConfig(SasVariant.Baseline, LabeledShare: 0.25).LabeledRows(8));
        Assert.Equal(1, new RegularizerConfig(SasVariant.Baseline, LabeledShare: 0.01).LabeledRows(8));
        Assert.Equal(7, new RegularizerConfig(SasVariant.Baseline, LabeledShare: 0.99).LabeledRows(8));
        Assert.Throws<ArgumentException>(() => (Presets.Tiny with { Regularizer = new RegularizerConfig(SasVariant.Baseline, LabeledShare: 1) }).Validate());
    }

    [Fact]
    public void A_config_with_a_regularizer_round_trips_through_json_with_the_variant_by_name()
    {
        var config = Presets.Tiny with { Regularizer = new RegularizerConfig(SasVariant.Parse("sas-@3000"), 0.02) };
        var json = JsonSerializer.Serialize(config, JsonFiles.Options);
        Assert.Contains("\"variant\": \"sas-@3000\"", json);
        Assert.Contains("\"magnitude\": 0.02", json);
        var back = JsonSerializer.Deserialize<TrainingConfig>(json, JsonFiles.Options)!;
        Assert.Equal(config.Regularizer, back.Regularizer);
        Assert.Equal(json, JsonSerializer.Serialize(back, JsonFiles.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RegularizerConfig>("{\"variant\": \"sas*\"}", JsonFiles.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RegularizerConfig>("{\"variant\": -0.5}", JsonFiles.Options));
    }

    [Fact]
    public void A_config_written_before_the_regularizer_existed_still_loads_without_one()
    {
        var path = Path.Combine(CommittedRuns.GpuRun("small"), "config.json");
        Assert.DoesNotContain("regularizer", File.ReadAllText(path));
        var config = JsonFiles.Load<TrainingConfig>(path);
        Assert.Null(config.Regularizer);
        Assert.Equal("small", config.Preset);
    }
}
