using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

public sealed class SentenceSplitterTests
{
    private static IReadOnlyList<string> Split(string text) => SentenceSplitter.English.Split(text);

    [Fact]
    public void Splits_on_terminators_followed_by_space_and_a_capital()
    {
        Assert.Equal(["It rained.", "We stayed in!", "Did you?", "Yes."], Split("It rained. We stayed in!  Did you?\nYes."));
    }

    [Fact]
    public void Does_not_split_before_a_lowercase_word() =>
        Assert.Equal(["He left at 5 p.m. and came back at ten."], Split("He left at 5 p.m. and came back at ten."));

    [Fact]
    public void Does_not_split_after_titles_and_common_abbreviations()
    {
        Assert.Equal(["Mr. Smith and Mrs. Jones met Dr. Who in St. Louis.", "Then they left."],
            Split("Mr. Smith and Mrs. Jones met Dr. Who in St. Louis. Then they left."));
        Assert.Equal(["Fruit, e.g. Apples, i.e. Red ones, etc. Are sold here."],
            Split("Fruit, e.g. Apples, i.e. Red ones, etc. Are sold here."));
        Assert.Equal(["It opened on Jan. 5 and closed in Sept. 2001."], Split("It opened on Jan. 5 and closed in Sept. 2001."));
    }

    [Fact]
    public void Does_not_split_after_initials_or_dotted_acronyms()
    {
        Assert.Equal(["J. R. R. Tolkien wrote it.", "The U.S. Army read it."],
            Split("J. R. R. Tolkien wrote it. The U.S. Army read it."));
    }

    [Fact]
    public void The_pronoun_I_with_a_dot_ends_a_sentence() =>
        Assert.Equal(["So did I.", "Then we went home."], Split("So did I. Then we went home."));

    [Fact]
    public void Decimals_and_dotted_names_never_split() =>
        Assert.Equal(["Prices rose 3.5 percent at example.com yesterday.", "Analysts were surprised."],
            Split("Prices rose 3.5 percent at example.com yesterday. Analysts were surprised."));

    [Fact]
    public void Splits_before_digits_and_opening_quotes_and_keeps_closing_quotes()
    {
        Assert.Equal(["He scored 10.", "20 people watched."], Split("He scored 10. 20 people watched."));
        Assert.Equal(["He said \"Stop.\"", "Then he left."], Split("He said \"Stop.\" Then he left."));
        Assert.Equal(["Is it?", "\u201CYes,\u201D she said."], Split("Is it? \u201CYes,\u201D she said."));
        Assert.Equal(["(It was late.)", "We slept."], Split("(It was late.) We slept."));
    }

    [Fact]
    public void Runs_of_terminators_end_one_sentence() =>
        Assert.Equal(["Really?!", "Wait...", "What now?"], Split("Really?! Wait... What now?"));

    [Fact]
    public void Empty_or_blank_text_has_no_sentences_and_text_without_terminator_is_one()
    {
        Assert.Empty(Split(""));
        Assert.Empty(Split("   "));
        Assert.Equal(["no final stop"], Split("  no final stop "));
    }

    [Fact]
    public void Custom_abbreviations_replace_the_English_list()
    {
        var splitter = new SentenceSplitter(["approx"]);

        Assert.Equal(["Mr.", "Smith weighs approx. 80 kg."], splitter.Split("Mr. Smith weighs approx. 80 kg."));
    }

    [Fact]
    public void Splits_every_paragraph_separately() =>
        Assert.Equal(["A b.", "C d", "E f."], SentenceSplitter.English.SplitAll(["A b. C d", "E f."]));
}
