using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

public class MetricsLogTests
{
    [Fact]
    public void Values_read_back_with_full_double_precision_and_text_columns_stay_text()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("metrics.csv");
        new MetricsLog(path).Append(new Dictionary<string, object?> { ["step"] = 0, ["uas"] = 0.11611611611611612, ["uas_head"] = "1-0-dep2head", ["loss"] = double.NaN });

        var reloaded = new MetricsLog(path);
        var row = reloaded.Find("step", 0)!;
        Assert.Equal(0.11611611611611612, (double)row["uas"]!); // not rounded to float32 (0.116116114)
        Assert.Equal("1-0-dep2head", row["uas_head"]);
        Assert.True(double.IsNaN((double)row["loss"]!));

        reloaded.Append(new Dictionary<string, object?> { ["step"] = 100, ["uas"] = 0.2 });
        Assert.Equal([0.11611611611611612, 0.2], new MetricsLog(path).Numbers("uas"));
    }

    [Fact]
    public void Merge_fills_a_step_in_place_or_inserts_it_in_step_order()
    {
        using var folder = new TempFolder();
        var log = new MetricsLog(folder.PathOf("probes.csv"));
        log.Merge(new Dictionary<string, object?> { ["step"] = 0, ["uas"] = 0.1 });
        log.Merge(new Dictionary<string, object?> { ["step"] = 500, ["uas"] = 0.3 });
        log.Merge(new Dictionary<string, object?> { ["step"] = 100, ["uas"] = 0.2 });
        log.Merge(new Dictionary<string, object?> { ["step"] = 500, ["blimp"] = 0.6 });

        var reloaded = new MetricsLog(folder.PathOf("probes.csv"));
        Assert.Equal([0.0, 100, 500], reloaded.Numbers("step"));
        Assert.Equal([0.1, 0.2, 0.3], reloaded.Numbers("uas"));
        Assert.Equal([double.NaN, double.NaN, 0.6], reloaded.Numbers("blimp"));
        Assert.Throws<ArgumentException>(() => log.Merge(new Dictionary<string, object?> { ["uas"] = 0.4 }));
    }
}
