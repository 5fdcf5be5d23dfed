using System.Text.Json;
using SuddenDrops.Metrics;
using static SuddenDrops.Tests.Metrics.UasTestData;

namespace SuddenDrops.Tests.Metrics;

public class UasReportJsonTests
{
    private static UasReport SmallReport()
    {
        var sentence = Sentence([2, 0, 2, 3], ["nsubj", "root", "obj", "amod"]);
        var accumulator = new UasAccumulator(2, 2, new UasOptions(MinRelationWords: 1));
        accumulator.Add(sentence, Planted(sentence, 2, 2, (l, h, i) => l == 1 && h == 0 && i != 3));
        accumulator.AddSkipped(sentence);
        return accumulator.ToReport();
    }

    [Fact]
    public void Report_json_is_camel_case_with_named_directions_and_round_trips()
    {
        var report = SmallReport();
        var json = report.ToJson();

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(
            ["layers", "heads", "sentencesUsed", "sentencesSkipped", "words", "nonRootWords", "minRelationWords",
             "headline", "perRelation", "table", "offsetBaselines", "bestOffset"],
            root.EnumerateObject().Select(p => p.Name));
        var headline = root.GetProperty("headline");
        Assert.Equal("dep2head", headline.GetProperty("direction").GetString());
        Assert.Equal(1, headline.GetProperty("layer").GetInt32());
        Assert.Equal(0.5, headline.GetProperty("uas").GetDouble());
        Assert.Equal(2.0 / 3, headline.GetProperty("uasNonRoot").GetDouble());
        Assert.Equal((0.5 + 0.5 + 0.1) / 3, headline.GetProperty("continuous").GetDouble(), 6); // w4 is not known: 0.5/(n+1) on its head
        Assert.Equal(8, root.GetProperty("table").GetArrayLength());
        Assert.Equal("head2dep", root.GetProperty("table")[1].GetProperty("direction").GetString());
        Assert.Equal(5, root.GetProperty("offsetBaselines").GetArrayLength());

        var back = UasReport.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(report.Headline, back.Headline);
    }

    [Fact]
    public void Save_writes_atomically_and_load_reads_it_back()
    {
        using var folder = new TempFolder("uas-report-");
        var path = Path.Combine(folder.Path, "nested", "uas.json");
        var report = SmallReport();
        File.WriteAllText(Path.Combine(folder.Path, "placeholder"), "");
        report.Save(path);
        report.Save(path); // replaces the existing file

        Assert.Equal(["uas.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        Assert.Equal(report.ToJson(), UasReport.Load(path).ToJson());

        File.WriteAllText(path, "{ not json");
        var error = Assert.Throws<JsonException>(() => UasReport.Load(path));
        Assert.Contains(path, error.Message);
    }
}
