using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

public class GlueReaderTests
{
    public static TheoryData<string, GlueSplit, int> SplitSizes => new()
    {
        { "CoLA", GlueSplit.Dev, 1043 },
        { "SST-2", GlueSplit.Train, 67349 },
        { "SST-2", GlueSplit.Dev, 872 },
        { "MRPC", GlueSplit.Train, 3668 },
        { "MRPC", GlueSplit.Dev, 408 },
        { "STS-B", GlueSplit.Train, 5749 },
        { "STS-B", GlueSplit.Dev, 1500 },
        { "RTE", GlueSplit.Train, 2490 },
        { "RTE", GlueSplit.Dev, 277 },
    };

    [Theory]
    [MemberData(nameof(SplitSizes))]
    public void RealSplitsHaveTheirPublishedSizes(string taskName, GlueSplit split, int count)
    {
        var task = GlueTask.FromName(taskName);

        var examples = GlueReader.ReadSplit(task, SharedData.PathOf("glue"), split);

        Assert.Equal(count, examples.Count);
        Assert.All(examples, example => Assert.Equal(task.IsPairTask, example.TextB is not null));
        if (task.IsRegression)
            Assert.All(examples, example => Assert.InRange(example.Label, 0f, 5f));
        else
            Assert.All(examples, example => Assert.True(example.Label is 0f or 1f));
    }

    [Fact]
    public void CoLAHasNoHeaderAndReadsTheSentenceColumn()
    {
        var examples = GlueReader.ReadSplit(GlueTask.CoLA, SharedData.PathOf("glue"), GlueSplit.Train);

        Assert.Equal(8551, examples.Count); // no header line lost: the file has 8,551 lines
        Assert.Equal(new GlueExample("Our friends won't buy this analysis, let alone the next one we propose.", null, 1), examples[0]);
        // CoLA dev: 719 acceptable, 324 unacceptable
        var dev = GlueReader.ReadSplit(GlueTask.CoLA, SharedData.PathOf("glue"), GlueSplit.Dev);
        Assert.Equal(719, dev.Count(example => example.Label == 1));
    }

    [Fact]
    public void MrpcKeepsQuotesInsideSentences()
    {
        var examples = GlueReader.ReadSplit(GlueTask.Mrpc, SharedData.PathOf("glue"), GlueSplit.Train);

        var first = examples[0];
        Assert.Equal(1f, first.Label);
        Assert.Equal("Amrozi accused his brother, whom he called \"the witness\", of deliberately distorting his evidence.", first.TextA);
        Assert.Equal("Referring to him as only \"the witness\", Amrozi accused his brother of deliberately distorting his evidence.", first.TextB);
    }

    [Fact]
    public void StsBReadsSentencesAndScoreFromTenColumns()
    {
        var examples = GlueReader.ReadSplit(GlueTask.StsB, SharedData.PathOf("glue"), GlueSplit.Train);

        Assert.Equal(new GlueExample("A plane is taking off.", "An air plane is taking off.", 5f), examples[0]);
        Assert.Equal(new GlueExample("A man is playing a large flute.", "A man is playing a flute.", 3.8f), examples[1]);
    }

    [Fact]
    public void RteMapsEntailmentToZero()
    {
        var examples = GlueReader.ReadSplit(GlueTask.Rte, SharedData.PathOf("glue"), GlueSplit.Train);

        Assert.Equal(1f, examples[0].Label); // not_entailment
        Assert.Equal("No Weapons of Mass Destruction Found in Iraq Yet.", examples[0].TextA);
        Assert.Equal(0f, examples[1].Label); // entailment
    }

    [Fact]
    public void TaskMetadata()
    {
        Assert.Equal(["CoLA", "SST-2", "MRPC", "STS-B", "RTE"], GlueTask.All.Select(task => task.Name));
        Assert.True(GlueTask.StsB.IsRegression);
        Assert.Equal(1, GlueTask.StsB.NumClasses);
        Assert.All(GlueTask.All.Where(task => !task.IsRegression), task => Assert.Equal(2, task.NumClasses));
        Assert.Equal([GlueMetric.MatthewsCorrelation], GlueTask.CoLA.Metrics);
        Assert.Equal([GlueMetric.F1, GlueMetric.Accuracy], GlueTask.Mrpc.Metrics);
        Assert.Equal([GlueMetric.Pearson, GlueMetric.Spearman], GlueTask.StsB.Metrics);
        Assert.Same(GlueTask.StsB, GlueTask.FromName("stsb"));
        Assert.Same(GlueTask.Sst2, GlueTask.FromName("sst2"));
        Assert.Throws<ArgumentException>(() => GlueTask.FromName("MNLI"));
    }

    public static TheoryData<string, string, int, string> MalformedFiles => new()
    {
        // task, file text, bad line, problem
        { "CoLA", "gj04\t1\t\tGood.\ngj04\t2\t\tBad label.\n", 2, "label in field 2 must be 0 or 1, found \"2\"" },
        { "CoLA", "gj04\t1\t\tGood.\ngj04\t1\tBad, three fields.\n", 2, "expects 4 tab-separated fields, found 3" },
        { "CoLA", "gj04\t1\t\t \n", 1, "empty text in field 4" },
        { "SST-2", "sentence\tlabel\ngood movie \t1\n\n", 3, "empty line" },
        { "SST-2", "sentence\tscore\ngood movie \t1\n", 1, "header must be" },
        { "MRPC", "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA \"quoted\" sentence, the second one missing\n", 2, "expects 5 tab-separated fields, found 4" },
        { "STS-B", "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2\tscore\n0\tg\tf\ty\t1\tn\tn\tA.\tB.\t5.5\n", 2, "must be a number in [0, 5], found \"5.5\"" },
        { "STS-B", "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2\tscore\n0\tg\tf\ty\t1\tn\tn\tA.\tB.\t4.0\textra\n", 2, "expects 10 tab-separated fields, found 11" },
        { "RTE", "index\tsentence1\tsentence2\tlabel\n0\tA.\tB.\tentails\n", 2, "must be entailment or not_entailment, found \"entails\"" },
        { "RTE", "", 1, "empty file" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void MalformedLinesAreRejectedWithFileAndLine(string taskName, string text, int line, string problem)
    {
        var task = GlueTask.FromName(taskName);

        var error = Assert.Throws<DataFormatException>(() => GlueReader.Parse(task, new StringReader(text), "fixture.tsv"));

        Assert.Equal("fixture.tsv", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void QuotesAreNotQuoting()
    {
        // an opening quote with no closing one must not swallow the tab and the next fields
        const string text = "index\tsentence1\tsentence2\tlabel\n0\t\"Unclosed quote.\tSecond sentence.\tentailment\n";

        var example = Assert.Single(GlueReader.Parse(GlueTask.Rte, new StringReader(text), "quotes.tsv"));

        Assert.Equal(new GlueExample("\"Unclosed quote.", "Second sentence.", 0f), example);
    }
}
