using SuddenDrops.Metrics;

namespace SuddenDrops.Tests.Metrics;

/// <summary>
/// Onsets of noisy logistic curves y = 0.1 + 0.3 / (1 + e^(−(s − s₀)/w)) with known geometry: inflection at s₀,
/// maximal acceleration (▲) at s₀ − w·ln(2 + √3) ≈ s₀ − 1.317w, minimal acceleration (⏺) at s₀ + 1.317w.
/// Gaussian smoothing at the default bandwidth (σ between w/2 and w here) moves ▲ and ⏺ outward, measured at
/// most 0.47w for noise-free curves (±1.47w … ±1.78w), which the tolerances allow for.
/// </summary>
public class OnsetDetectorTests
{
    private static readonly double AccelerationOffset = Math.Log(2 + Math.Sqrt(3)); // 1.3170
    private const double SmoothingShift = 0.5;

    public static TheoryData<string, double, double> Transitions => new()
    {
        // name, s₀, w; the irregular schedule has 50-step spacing to 5,000, 250 to 20,000, 1,000 to 60,000
        { "dense part (spacing 50)", 2500, 150 },
        { "middle part (spacing 250)", 8000, 500 },
        { "sparse part (spacing 1000)", 35000, 2000 },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void NoiseFreeLogisticOnIrregularStepsIsLocated(string part, double center, double width)
    {
        var steps = NoisySeries.IrregularSteps();
        var values = NoisySeries.Logistic(steps, center, width, 0.1, 0.3, noise: 0, seed: 1);

        var onset = OnsetDetector.Detect(steps, values);

        Assert.True(onset is not null, $"no onset found in the {part}");
        Assert.InRange(onset.InflectionStep, center - 0.05 * width, center + 0.05 * width);
        Assert.InRange(onset.StructureOnsetStep,
            center - (AccelerationOffset + SmoothingShift) * width, center - AccelerationOffset * width);
        Assert.InRange(onset.CapabilitiesOnsetStep,
            center + AccelerationOffset * width, center + (AccelerationOffset + SmoothingShift) * width);
        Assert.True(onset.StructureOnsetStep < onset.InflectionStep && onset.InflectionStep < onset.CapabilitiesOnsetStep);
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void LogisticWithTwoPercentNoiseIsLocatedWithinTolerance(string part, double center, double width)
    {
        var steps = NoisySeries.IrregularSteps();
        for (var seed = 1; seed <= 5; seed++)
        {
            // noise sd 0.005 = 1.7% of the 0.3 jump
            var values = NoisySeries.Logistic(steps, center, width, 0.1, 0.3, noise: 0.005, seed);

            var onset = OnsetDetector.Detect(steps, values);

            Assert.True(onset is not null, $"no onset found in the {part}, seed {seed}");
            Assert.InRange(onset.InflectionStep, center - 0.5 * width, center + 0.5 * width);
            Assert.InRange(onset.StructureOnsetStep, center - 2.5 * width, center - 1.0 * width);
            Assert.InRange(onset.CapabilitiesOnsetStep, center + 1.0 * width, center + 2.8 * width);
        }
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void LogisticWithTenPercentNoiseIsStillDetected(string part, double center, double width)
    {
        var steps = NoisySeries.IrregularSteps();
        for (var seed = 1; seed <= 5; seed++)
        {
            // noise sd 0.03 = 10% of the jump: the jump is certain, ▲ is only roughly located
            var values = NoisySeries.Logistic(steps, center, width, 0.1, 0.3, noise: 0.03, seed);

            var onset = OnsetDetector.Detect(steps, values);

            Assert.True(onset is not null, $"no onset found in the {part}, seed {seed}");
            Assert.InRange(onset.InflectionStep, center - 1.5 * width, center + 1.5 * width);
            Assert.InRange(onset.RiseOverNoise, 4, double.PositiveInfinity);
        }
    }

    [Fact]
    public void LogisticOnRegularStepsIsLocated()
    {
        var steps = NoisySeries.RegularSteps(150, 400);
        var values = NoisySeries.Logistic(steps, 25000, 1500, 0.1, 0.3, noise: 0.005, seed: 7);

        var onset = OnsetDetector.Detect(steps, values);

        Assert.NotNull(onset);
        Assert.InRange(onset.InflectionStep, 25000 - 0.5 * 1500, 25000 + 0.5 * 1500);
        Assert.InRange(onset.StructureOnsetStep, 25000 - 2.5 * 1500, 25000 - 1.0 * 1500);
        Assert.InRange(onset.CapabilitiesOnsetStep, 25000 + 1.0 * 1500, 25000 + 2.8 * 1500);
        Assert.InRange(onset.ValueAtStructureOnset, 0.1, 0.25);
        Assert.InRange(onset.ValueAtCapabilitiesOnset, 0.25, 0.4);
    }

    [Fact]
    public void NoisyFlatSeriesHaveNoOnset()
    {
        foreach (var steps in new[] { NoisySeries.IrregularSteps(), NoisySeries.RegularSteps(150, 400) })
            for (var seed = 1; seed <= 10; seed++)
            {
                var values = NoisySeries.Linear(steps, 0.3, 0, noise: 0.01, seed);
                Assert.Null(OnsetDetector.Detect(steps, values));
            }
    }

    [Fact]
    public void NoisyLinearSeriesHaveNoOnset()
    {
        foreach (var steps in new[] { NoisySeries.IrregularSteps(), NoisySeries.RegularSteps(150, 400) })
            for (var seed = 1; seed <= 10; seed++)
            {
                // rises by 0.3 over the run like the logistics, but evenly
                var values = NoisySeries.Linear(steps, 0.1, 0.3 / steps[^1], noise: 0.01, seed);
                Assert.Null(OnsetDetector.Detect(steps, values));
            }
    }

    [Fact]
    public void ExactStraightLineHasNoOnset()
    {
        var steps = NoisySeries.IrregularSteps();
        var values = NoisySeries.Linear(steps, 0.1, 1e-5, noise: 0, seed: 1);

        var analysis = OnsetDetector.Analyze(steps, values);

        Assert.Null(analysis.Detected);
        Assert.NotNull(analysis.Candidate);
        Assert.InRange(analysis.Candidate.Sharpness, 0, 1.1); // a straight line is exactly as steep as its average
    }

    [Fact]
    public void IsolatedOutlierIsNotAnOnset()
    {
        var steps = NoisySeries.IrregularSteps();
        var values = NoisySeries.Linear(steps, 0.3, 0, noise: 0.01, seed: 3);
        values[120] += 1.0; // one broken checkpoint, 100 noise sds high

        Assert.Null(OnsetDetector.Detect(steps, values));
    }

    [Fact]
    public void LossDropIsFoundAsFallingAndNotAsRising()
    {
        var steps = NoisySeries.IrregularSteps();
        // loss falling from 7 to 5 around step 8,000
        var loss = NoisySeries.Logistic(steps, 8000, 500, 7, -2, noise: 0.02, seed: 5);

        var drop = OnsetDetector.Detect(steps, loss, new OnsetOptions { Direction = RiseDirection.Falling });
        var rise = OnsetDetector.Detect(steps, loss);

        Assert.NotNull(drop);
        Assert.InRange(drop.InflectionStep, 8000 - 0.5 * 500, 8000 + 0.5 * 500);
        Assert.True(drop.ValueAtStructureOnset > drop.ValueAtCapabilitiesOnset, "the loss is lower after the drop");
        Assert.InRange(drop.Rise, 1.6, 2.1);
        Assert.Null(rise);
    }

    [Fact]
    public void AnalysisExposesGridSeriesInTheMetricsOwnSign()
    {
        var steps = NoisySeries.IrregularSteps();
        var loss = NoisySeries.Logistic(steps, 8000, 500, 7, -2, noise: 0, seed: 1);

        var analysis = OnsetDetector.Analyze(steps, loss, new OnsetOptions { Direction = RiseDirection.Falling });

        Assert.Equal(steps[0], analysis.GridSteps[0]);
        Assert.Equal(steps[^1], analysis.GridSteps[^1]);
        Assert.Equal(analysis.GridSteps.Length, analysis.Smoothed.Length);
        Assert.InRange(analysis.Smoothed[0], 6.99, 7.01);
        Assert.InRange(analysis.Smoothed[^1], 4.99, 5.01);
        var inflection = Array.BinarySearch(analysis.GridSteps, analysis.Detected!.InflectionStep);
        Assert.True(analysis.Velocity[inflection < 0 ? ~inflection : inflection] < 0, "the loss falls at the inflection");
        Assert.True(analysis.Breakthroughness > 0, "the drop is an improvement in the analysed direction");
    }

    [Fact]
    public void FixedBandwidthIsUsedAsGiven()
    {
        var steps = NoisySeries.IrregularSteps();
        var values = NoisySeries.Logistic(steps, 8000, 500, 0.1, 0.3, noise: 0, seed: 1);

        var analysis = OnsetDetector.Analyze(steps, values, new OnsetOptions { SmoothingBandwidth = 125 });

        Assert.Equal(125, analysis.Bandwidth);
        Assert.NotNull(analysis.Detected);
        // σ = w/4 leaves ▲ close to the analytic s₀ − 1.317w
        Assert.InRange(analysis.Detected.StructureOnsetStep, 8000 - 1.55 * 500, 8000 - 1.25 * 500);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        Assert.Throws<ArgumentException>(() => OnsetDetector.Detect([0, 1, 2, 3, 4], [0, 1, 2, 3]));
        Assert.Throws<ArgumentException>(() => OnsetDetector.Detect([0, 1, 1, 3, 4], [0, 1, 2, 3, 4]));
        Assert.Throws<ArgumentException>(() => OnsetDetector.Detect([0, 1, 2, 3, 4], [0, 1, double.NaN, 3, 4]));
        Assert.Throws<ArgumentException>(() => OnsetDetector.Detect([0, 1, 2], [0, 1, 2]));
        Assert.Throws<ArgumentException>(() =>
            OnsetDetector.Detect([0, 1, 2, 3, 4], [0, 1, 2, 3, 4], new OnsetOptions { MedianWindow = 4 }));
    }

    [Fact]
    public void A_rise_below_the_stated_minimum_is_no_onset()
    {
        var steps = NoisySeries.IrregularSteps();
        var small = NoisySeries.Logistic(steps, 8000, 500, 0.12, 0.03, noise: 0.001, seed: 3); // a clean jump of 0.03
        Assert.NotNull(OnsetDetector.Detect(steps, small));
        Assert.Null(OnsetDetector.Detect(steps, small, new OnsetOptions { MinRise = 0.05 }));
        var large = NoisySeries.Logistic(steps, 8000, 500, 0.12, 0.18, noise: 0.001, seed: 3);
        Assert.NotNull(OnsetDetector.Detect(steps, large, new OnsetOptions { MinRise = 0.05 }));
    }
}
