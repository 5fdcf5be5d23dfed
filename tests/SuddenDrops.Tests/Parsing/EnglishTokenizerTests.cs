using SuddenDrops.Parsing;

namespace SuddenDrops.Tests.Parsing;

public sealed class EnglishTokenizerTests
{
    [Theory]
    [InlineData("I don't know, but they can't go.", "I|do|n't|know|,|but|they|ca|n't|go|.")]
    [InlineData("We cannot stop; he won't either!", "We|can|not|stop|;|he|wo|n't|either|!")]
    [InlineData("She's here, they're late and we'll see what I've got; I'm sure he'd come.",
        "She|'s|here|,|they|'re|late|and|we|'ll|see|what|I|'ve|got|;|I|'m|sure|he|'d|come|.")]
    [InlineData("The students' books and John's car.", "The|students|'|books|and|John|'s|car|.")]
    [InlineData("It costs $3.5 million, i.e. 1,000 times 5% more.", "It|costs|$|3.5|million|,|i.e.|1,000|times|5|%|more|.")]
    [InlineData("Mr. Smith moved to the U.S. in 1990 (e.g. Boston).", "Mr.|Smith|moved|to|the|U.S.|in|1990|(|e.g.|Boston|)|.")]
    [InlineData("See https://en.wikipedia.org/wiki/Syntax_(linguistics) or write to jane.doe@example.com.",
        "See|https://en.wikipedia.org/wiki/Syntax_(linguistics|)|or|write|to|jane.doe@example.com|.")]
    [InlineData("Visit www.example.com, then e-mail \"Al-Zaman\" about and/or 9/11.",
        "Visit|www.example.com|,|then|e-mail|\"|Al|-|Zaman|\"|about|and|/|or|9/11|.")]
    [InlineData("Wait... what?! It's 10:30 a.m.", "Wait|...|what|?|!|It|'s|10:30|a.m.")]
    [InlineData("I’m gonna say it’s J. R. R. Tolkien's.", "I|’m|gon|na|say|it|’s|J.|R.|R.|Tolkien|'s|.")]
    [InlineData("DON'T", "DO|N'T")]
    [InlineData("  ", "")]
    public void Splits_like_UD_English_EWT(string sentence, string expected)
    {
        var words = EnglishTokenizer.Tokenize(sentence);
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), words);
    }
}
