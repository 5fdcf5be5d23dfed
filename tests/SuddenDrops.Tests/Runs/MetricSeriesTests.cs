
using SuddenDrops.Runs;

namespace SuddenDrops.Tests.Runs;

public class MetricSeriesTests
{
    [Fact]
    public void Keeps_only_measured_checkpoints_in_step_order()
    {
        var series = MetricSeries.FromColumns("uas", [200, 0, 100, 300, 300], [0.3, 0.1, double.NaN, 0.4, 0.9]);

        Assert.Equal([0.0, 200, 300], series.Steps);
        Assert.Equal([0.1, 0.3, 0.4], series.Values);
        Assert.Equal(0.1, series.First);
        Assert.Equal(0.4, series.Last);
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(100, 0.2)]
    [InlineData(150, 0.25)]
    [InlineData(200, 0.3)]
    public void Interpolates_linearly_between_checkpoints(double step, double expected) =>
        Assert.Equal(expected, MetricSeries.FromColumns("uas", [0, 200], [0.1, 0.3]).At(step)!.Value, 12);

    [Theory]
    [InlineData(-1)]
    [InlineData(201)]
    public void Has_no_value_outside_the_measured_range(double step) =>
        Assert.Null(MetricSeries.FromColumns("uas", [0, 200], [0.1, 0.3]).At(step));

    [Fact]
    public void An_unmeasured_metric_is_empty()
    {
        var series = MetricSeries.FromColumns("blimp", [0, 100], [double.NaN, double.NaN]);

        Assert.True(series.IsEmpty);
        Assert.Null(series.Last);
        Assert.Null(series.At(50));
    }
}
