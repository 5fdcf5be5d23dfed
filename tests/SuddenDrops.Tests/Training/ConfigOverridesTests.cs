using SuddenDrops.Model;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

/// <summary>The rules that turn a preset and command-line changes into a configuration (<see cref="ConfigOverrides"/>).</summary>
public class ConfigOverridesTests
{
    [Fact]
    public void No_change_gives_the_preset_back_with_the_precision_resolved()
    {
        var config = new ConfigOverrides { Precision = "fp32" }.ApplyTo(Presets.Tiny);
        Assert.Equal(Presets.Tiny with { Precision = Precision.Fp32 }, config);
        Assert.Null(new ConfigOverrides().ApplyTo(Presets.Base).Probes); // a preset without probe settings keeps none
    }

    [Fact]
    public void A_new_width_brings_a_four_times_wider_feed_forward_unless_it_is_given()
    {
        Assert.Equal(768, new ConfigOverrides { Hidden = 192 }.ApplyTo(Presets.Small).Model.Intermediate);
        Assert.Equal(512, new ConfigOverrides { Hidden = 192, Ffn = 512 }.ApplyTo(Presets.Small).Model.Intermediate);
    }

    [Fact]
    public void A_longer_sequence_raises_the_positions_and_checkpoint_every_replaces_the_schedule()
    {
        var config = new ConfigOverrides { SequenceLength = 256, CheckpointEvery = 100, SlowProbesEvery = 250, BlimpPerParadigm = 20, Silver = true }
            .ApplyTo(Presets.Tiny);
        Assert.Equal(256, config.Model.MaxPositions);
        Assert.Equal(new CheckpointSchedule(100, 0, 100), config.Checkpoints);
        Assert.True(config.Checkpoints.IsCheckpoint(3700, config.Steps));
        Assert.False(config.Checkpoints.IsCheckpoint(3750, config.Steps));
        Assert.Equal(250, config.ProbeSettings.SlowProbesEvery);
        Assert.Equal(20, config.ProbeSettings.BlimpPerParadigm);
        Assert.True(config.Corpus.Parsed);
    }

    [Fact]
    public void Bad_values_are_refused_with_the_option_named()
    {
        Assert.Contains("--checkpoint-every", Assert.Throws<ArgumentException>(() => new ConfigOverrides { CheckpointEvery = 0 }.ApplyTo(Presets.Tiny)).Message);
        Assert.Contains("--blimp-per-paradigm", Assert.Throws<ArgumentException>(() => new ConfigOverrides { BlimpPerParadigm = -1 }.ApplyTo(Presets.Tiny)).Message);
        Assert.Throws<ArgumentException>(() => new ConfigOverrides { BatchSize = 0 }.ApplyTo(Presets.Tiny));
    }
}
