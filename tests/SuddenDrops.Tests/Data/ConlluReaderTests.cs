using System.IO.Compression;
using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

public sealed class ConlluReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Joins CoNLL-U token columns with tabs; comment and blank lines pass through.</summary>
    private static string Conllu(params string[] lines) =>
        string.Join("\n", lines.Select(l => l.StartsWith('#') || l.Length == 0 ? l : l.Replace(' ', '\t'))) + "\n";

    // "Don't stop." as in EWT: a multiword token line 1-2, then its words; an empty node 3.1 that must be skipped.
    private static readonly string TwoSentences = Conllu(
        "# sent_id = s1",
        "# text = Don't stop.",
        "1-2 Don't _ _ _ _ _ _ _ _",
        "1 Do do AUX VBP _ 3 aux _ _",
        "2 n't not PART RB _ 3 advmod _ _",
        "3 stop stop VERB VB _ 0 root _ _",
        "3.1 stop stop VERB VB _ _ _ 3:conj _",
        "4 . . PUNCT . _ 3 punct _ _",
        "",
        "# text = no id here",
        "1 Go go VERB VB _ 0 root _ _",
        "2 home home ADV RB _ 1 advmod:lmod _ _",
        "");

    [Fact]
    public void Reads_words_heads_relations_and_upos_skipping_multiword_lines_and_empty_nodes()
    {
        var path = _temp.Write("two.conllu", TwoSentences);
        var sentences = ConlluReader.Read(path).ToList();

        Assert.Equal(2, sentences.Count);
        var first = sentences[0];
        Assert.Equal("s1", first.Id);
        Assert.Equal(["Do", "n't", "stop", "."], first.Words);
        Assert.Equal([3, 3, 0, 3], first.Heads);
        Assert.Equal(["aux", "advmod", "root", "punct"], first.Relations);
        Assert.Equal(["AUX", "PART", "VERB", "PUNCT"], first.UPos);
        Assert.Equal(4, first.Count);
    }

    [Fact]
    public void A_sentence_without_sent_id_is_named_by_file_and_first_line()
    {
        var path = _temp.Write("two.conllu", TwoSentences);
        var second = ConlluReader.Read(path).Last();

        Assert.Equal($"{path}:10", second.Id);
        Assert.Equal([0, 1], second.Heads);
        Assert.Equal("advmod:lmod", second.Relations[1]);
        Assert.Equal("advmod", DependencySentence.BaseRelation(second.Relations[1]));
    }

    [Fact]
    public void Reads_gzipped_files_and_a_last_sentence_without_trailing_blank_line()
    {
        var text = TwoSentences.TrimEnd('\n');
        var path = _temp.PathOf("two.conllu.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
            writer.Write(text);

        var sentences = ConlluReader.Read(path).ToList();

        Assert.Equal(2, sentences.Count);
        Assert.Equal(["Go", "home"], sentences[1].Words);
    }

    // Each malformed case: the file, and the exact line the error must point at.

    [Fact]
    public void Head_out_of_range_names_its_line()
    {
        var path = _temp.Write("bad-head.conllu", Conllu(
            "# sent_id = ok",
            "1 Hi hi INTJ UH _ 0 root _ _",
            "",
            "# sent_id = bad",
            "1 Go go VERB VB _ 0 root _ _",
            "2 now now ADV RB _ 7 advmod _ _"));

        var error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal(path, error.File);
        Assert.Equal(6, error.Line);
        Assert.StartsWith($"{path}:6: HEAD 7 of word 2 is out of range [0, 2]", error.Message);
    }

    [Fact]
    public void Head_that_is_not_an_integer_names_its_line()
    {
        var path = _temp.Write("head-text.conllu", Conllu(
            "1 Go go VERB VB _ 0 root _ _",
            "2 now now ADV RB _ x advmod _ _"));

        var error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal((path, 2), (error.File, error.Line));
        Assert.Contains("HEAD 'x' of word 2 is not an integer", error.Message);
    }

    [Fact]
    public void Two_roots_point_at_the_second_root()
    {
        var path = _temp.Write("two-roots.conllu", Conllu(
            "# sent_id = a",
            "1 Go go VERB VB _ 0 root _ _",
            "2 stop stop VERB VB _ 0 root _ _",
            "3 . . PUNCT . _ 1 punct _ _"));

        var error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal((path, 3), (error.File, error.Line));
        Assert.Contains("second root: word 2 has HEAD 0 but word 1 (line 2) is already the root", error.Message);
    }

    [Fact]
    public void No_root_points_at_the_first_word_of_the_sentence()
    {
        var path = _temp.Write("no-root.conllu", Conllu(
            "# sent_id = ok",
            "1 Hi hi INTJ UH _ 0 root _ _",
            "",
            "# sent_id = rootless",
            "# text = Go now",
            "1 Go go VERB VB _ 2 dep _ _",
            "2 now now ADV RB _ 1 advmod _ _"));

        var error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal((path, 6), (error.File, error.Line));
        Assert.Contains("sentence has no root", error.Message);
    }

    [Fact]
    public void A_cycle_points_at_the_lowest_word_on_it()
    {
        // 1 is the root; 2 -> 4 -> 3 -> 2 is a cycle not reaching it.
        var path = _temp.Write("cycle.conllu", Conllu(
            "# sent_id = cyc",
            "1 Go go VERB VB _ 0 root _ _",
            "2 a a DET DT _ 4 det _ _",
            "3 b b NOUN NN _ 2 nmod _ _",
            "4 c c NOUN NN _ 3 obj _ _"));

        var error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal((path, 3), (error.File, error.Line));
        Assert.Contains("cycle in heads among words 2 -> 3 -> 4", error.Message);
    }

    [Fact]
    public void A_word_that_is_its_own_head_is_a_cycle()
    {
        var path = _temp.Write("self.conllu", Conllu(
            "1 Go go VERB VB _ 0 root _ _",
            "2 now now ADV RB _ 2 advmod _ _"));

        var error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal((path, 2), (error.File, error.Line));
        Assert.Contains("word 2 is its own head", error.Message);
    }

    [Fact]
    public void Wrong_column_count_names_its_line()
    {
        var path = _temp.Write("columns.conllu", Conllu(
            "# sent_id = a",
            "1 Go go VERB VB _ 0 root _ _",
            "2 now now ADV RB _ 1 advmod _"));

        var error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal((path, 3), (error.File, error.Line));
        Assert.Contains("expected 10 tab-separated columns, found 9", error.Message);
    }

    [Fact]
    public void Non_consecutive_id_names_its_line()
    {
        var path = _temp.Write("ids.conllu", Conllu(
            "1 Go go VERB VB _ 0 root _ _",
            "3 now now ADV RB _ 1 advmod _ _"));

        var error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal((path, 2), (error.File, error.Line));
        Assert.Contains("bad ID '3': expected 2", error.Message);
    }

    [Fact]
    public void Non_integer_id_names_its_line()
    {
        var path = _temp.Write("id-text.conllu", Conllu(
            "# sent_id = a",
            "1 Hi hi INTJ UH _ 0 root _ _",
            "",
            "# sent_id = b",
            "one Go go VERB VB _ 0 root _ _"));

        var error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal((path, 5), (error.File, error.Line));
        Assert.Contains("bad ID 'one'", error.Message);
    }

    [Fact]
    public void A_multiword_range_must_start_at_the_next_word()
    {
        var path = _temp.Write("mwt.conllu", Conllu(
            "1 I I PRON PRP _ 2 nsubj _ _",
            "3-4 can't _ _ _ _ _ _ _ _",
            "2 ca can AUX MD _ 0 root _ _"));

        var error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal((path, 2), (error.File, error.Line));
        Assert.Contains("multiword token must start at the next word 2", error.Message);
    }

    [Fact]
    public void A_block_of_comments_without_words_is_an_error_at_its_first_line()
    {
        var path = _temp.Write("empty.conllu", Conllu(
            "1 Hi hi INTJ UH _ 0 root _ _",
            "",
            "# sent_id = nothing",
            "",
            "1 Hi hi INTJ UH _ 0 root _ _"));

        var error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal((path, 3), (error.File, error.Line));
        Assert.Contains("no words", error.Message);
    }

    [Fact]
    public void Errors_are_format_exceptions_with_file_line_problem_message()
    {
        var path = _temp.Write("ids.conllu", Conllu("2 Go go VERB VB _ 0 root _ _"));

        FormatException error = Assert.Throws<ConlluFormatException>(() => ConlluReader.Read(path).ToList());

        Assert.Equal($"{path}:1: bad ID '2': expected 1 (word IDs count 1, 2, 3, ... in order)", error.Message);
    }

    [Theory]
    [InlineData("en_ewt-ud-train.conllu", 12_544, 204_577)]
    [InlineData("en_ewt-ud-dev.conllu", 2_001, 25_147)]
    [InlineData("en_ewt-ud-test.conllu", 2_077, 25_094)]
    public void Reads_all_of_UD_English_EWT_with_the_release_counts(string file, int sentences, int words)
    {
        var path = SharedData.PathOf("ud/" + file);
        var sentenceCount = 0;
        var wordCount = 0;
        var ids = new HashSet<string>();
        foreach (var sentence in ConlluReader.Read(path))
        {
            sentenceCount++;
            wordCount += sentence.Count;
            Assert.True(ids.Add(sentence.Id), $"duplicate sent_id {sentence.Id}");
            Assert.Equal(1, sentence.Heads.Count(h => h == 0));
            Assert.Equal(sentence.Count, sentence.Relations.Count);
            Assert.Equal(sentence.Count, sentence.UPos.Count);
        }

        Assert.Equal(sentences, sentenceCount);
        Assert.Equal(words, wordCount);
    }

    [Fact]
    public void The_first_EWT_training_sentence_is_read_as_in_the_file()
    {
        var first = ConlluReader.Read(SharedData.PathOf("ud/en_ewt-ud-train.conllu")).First();

        Assert.Equal("weblog-juancole.com_juancole_20051126063000_ENG_20051126_063000-0001", first.Id);
        Assert.Equal(["Al", "-", "Zaman", ":", "American"], first.Words.Take(5));
        Assert.Equal([0, 3, 1, 7], first.Heads.Take(4));
        Assert.Equal(["root", "punct", "flat", "punct"], first.Relations.Take(4));
        Assert.Equal(["PROPN", "PUNCT", "PROPN", "PUNCT", "ADJ"], first.UPos.Take(5));
    }
}
