using SuddenDrops.Analysis;
using SuddenDrops.Data;
using SuddenDrops.Tests.Metrics;

namespace SuddenDrops.Tests.Analysis;

public class ExampleSentenceTests
{
    [Fact]
    public void Picks_a_short_verb_sentence_with_subject_and_object_from_ewt_dev()
    {
        var sentence = ExampleSentence.Pick(ConlluReader.Read(UasTestData.EwtDev));

        Assert.InRange(sentence.Count, 9, 13);
        var root = sentence.Heads.ToList().IndexOf(0);
        Assert.Equal("VERB", sentence.UPos[root]);
        var rootDependents = Enumerable.Range(0, sentence.Count).Where(i => sentence.Heads[i] == root + 1).Select(i => sentence.Relations[i]).ToList();
        Assert.Contains("nsubj", rootDependents);
        Assert.Contains("obj", rootDependents);
    }

    [Fact]
    public void Says_when_no_sentence_fits()
    {
        var tooShort = new DependencySentence("s", ["Go", "!"], [0, 1], ["root", "punct"], ["VERB", "PUNCT"]);

        Assert.Throws<InvalidOperationException>(() => ExampleSentence.Pick([tooShort]));
    }
}
