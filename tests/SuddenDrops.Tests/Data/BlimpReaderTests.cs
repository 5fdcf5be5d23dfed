using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

public class BlimpReaderTests
{
    private const string GoodLine =
        """{"sentence_good": "Who should Derek hug after shocking Richard?", "sentence_bad": "Who should Derek hug Richard after shocking?", "field": "syntax", "linguistics_term": "island_effects", "UID": "adjunct_island", "simple_LM_method": true, "pairID": "0"}""";

    private static readonly Lazy<IReadOnlyList<BlimpPair>> AllPairs = new(() => BlimpReader.ReadDirectory(SharedData.PathOf("blimp/data")));

    [Fact]
    public void ParsesTheFieldsOfALine()
    {
        var pairs = BlimpReader.Parse(new StringReader(GoodLine + "\n\n"), "fixture.jsonl");

        var pair = Assert.Single(pairs);
        Assert.Equal("Who should Derek hug after shocking Richard?", pair.SentenceGood);
        Assert.Equal("Who should Derek hug Richard after shocking?", pair.SentenceBad);
        Assert.Equal("syntax", pair.Field);
        Assert.Equal("island_effects", pair.LinguisticsTerm);
        Assert.Equal("adjunct_island", pair.Uid);
        Assert.Equal("0", pair.PairId);
    }

    [Theory]
    [InlineData("{\"sentence_good\": \"A.\", \"sentence_bad\": \"B.\"", "malformed JSON")]
    [InlineData("""[1, 2]""", "expected a JSON object")]
    [InlineData("""{"sentence_good": "A.", "field": "syntax", "linguistics_term": "t", "UID": "u", "pairID": "1"}""", "missing field \"sentence_bad\"")]
    [InlineData("""{"sentence_good": "A.", "sentence_bad": "B.", "field": "syntax", "linguistics_term": "t", "UID": null, "pairID": "1"}""", "field \"UID\" must be a string")]
    [InlineData("""{"sentence_good": " ", "sentence_bad": "B.", "field": "syntax", "linguistics_term": "t", "UID": "u", "pairID": "1"}""", "field \"sentence_good\" is empty")]
    public void MalformedLineIsRejectedWithFileAndLine(string badLine, string problem)
    {
        var text = GoodLine + "\n" + GoodLine + "\n" + badLine + "\n";

        var error = Assert.Throws<DataFormatException>(() => BlimpReader.Parse(new StringReader(text), "paradigm.jsonl"));

        Assert.Equal("paradigm.jsonl", error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith("paradigm.jsonl:3: ", error.Message);
    }

    [Fact]
    public void ErrorsInRealFilesNameTheirPath()
    {
        using var temp = new TempFolder("blimp-");
        var path = temp.PathOf("paradigm.jsonl");
        File.WriteAllText(path, GoodLine + "\n{\"sentence_good\": \n");
        var error = Assert.Throws<DataFormatException>(() => BlimpReader.ReadFile(path));
        Assert.Equal(path, error.File);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void AllParadigmsHold67000Pairs()
    {
        var pairs = AllPairs.Value;

        Assert.Equal(BlimpReader.ParadigmCount * BlimpReader.PairsPerParadigm, pairs.Count); // 67 × 1,000
        var paradigms = pairs.GroupBy(pair => pair.Uid).ToList();
        Assert.Equal(67, paradigms.Count);
        Assert.All(paradigms, paradigm => Assert.Equal(1000, paradigm.Count()));
        Assert.All(paradigms, paradigm => Assert.Equal(1000, paradigm.Select(pair => pair.PairId).Distinct().Count()));
        // BLiMP's own quirk: 7 pairs repeat the good sentence as the bad one
        var degenerate = pairs.Where(pair => pair.IsDegenerate).Select(pair => $"{pair.Uid}/{pair.PairId}");
        Assert.Equal(["passive_1/324", "passive_1/810", "principle_A_case_2/105", "principle_A_case_2/287",
            "principle_A_case_2/372", "principle_A_case_2/816", "principle_A_case_2/967"], degenerate);
    }

    [Fact]
    public void FieldsAndTermsGroupAsPublished()
    {
        var pairs = AllPairs.Value;

        var fields = pairs.GroupBy(pair => pair.FieldNormalized).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["morphology"] = 18000, ["semantics"] = 9000, ["syntax"] = 26000, ["syntax_semantics"] = 14000,
        }, fields);
        // the raw field keeps BLiMP's one "syntax/semantics" paradigm
        Assert.Equal(["principle_A_case_2"], pairs.Where(pair => pair.Field == "syntax/semantics").Select(pair => pair.Uid).Distinct());

        var terms = pairs.GroupBy(pair => pair.LinguisticsTerm)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.Uid).Distinct().Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["anaphor_agreement"] = 2, ["argument_structure"] = 7, ["binding"] = 7, ["control_raising"] = 5,
            ["determiner_noun_agreement"] = 8, ["ellipsis"] = 2, ["filler_gap_dependency"] = 7, ["irregular_forms"] = 2,
            ["island_effects"] = 8, ["npi_licensing"] = 7, ["quantifiers"] = 4, ["s-selection"] = 2,
            ["subject_verb_agreement"] = 6,
        }, terms);
    }

    [Fact]
    public void SampleTakesKPairsPerParadigmReproducibly()
    {
        var pairs = AllPairs.Value;

        var sample = BlimpSample.Select(pairs, perParadigm: 20, seed: 42);
        var again = BlimpSample.Select(pairs, perParadigm: 20, seed: 42);
        var otherSeed = BlimpSample.Select(pairs, perParadigm: 20, seed: 43);

        Assert.Equal(67 * 20, sample.Count);
        Assert.All(sample.GroupBy(pair => pair.Uid), paradigm => Assert.Equal(20, paradigm.Count()));
        Assert.Equal(sample, again);
        Assert.NotEqual(sample, otherSeed);
        Assert.Equal(sample.Count, sample.Distinct().Count());
    }

    [Fact]
    public void SampleOfAParadigmDoesNotDependOnTheOthers()
    {
        var pairs = AllPairs.Value;
        var oneParadigm = pairs.Where(pair => pair.Uid == "adjunct_island").ToList();

        var fromAll = BlimpSample.Select(pairs, 10, seed: 7).Where(pair => pair.Uid == "adjunct_island");
        var fromOne = BlimpSample.Select(oneParadigm, 10, seed: 7);

        Assert.Equal(fromOne, fromAll);
        // pairs keep their file order
        var ids = fromOne.Select(pair => int.Parse(pair.PairId)).ToList();
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public void SampleKeepsSmallParadigmsWhole()
    {
        var pairs = BlimpReader.Parse(new StringReader(GoodLine + "\n" + GoodLine.Replace("\"0\"", "\"1\"")), "two.jsonl");

        Assert.Equal(pairs, BlimpSample.Select(pairs, 5, seed: 1));
    }
}
