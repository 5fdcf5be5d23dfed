using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

public sealed class MrpcSplitterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // msr_paraphrase_train.txt as SentEval serves it: CRLF line ends, a header, 5 tab-separated fields.
    private const string Paraphrases =
        "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n" +
        "1\t702876\t702977\tAmrozi accused his brother.\tReferring to him as the witness.\r\n" +
        "0\t2108705\t2108831\tYucaipa owned Dominick's.\tYucaipa bought Dominick's.  \r\n" +
        "1\t1330381\t1330521\tThey had published.\tOn June 10, the ship's owners had published.\r\n";

    private const string DevIds = "2108705\t2108831\n";

    [Theory]
    [InlineData(false, "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n" +
                       "1\t702876\t702977\tAmrozi accused his brother.\tReferring to him as the witness.\n" +
                       "1\t1330381\t1330521\tThey had published.\tOn June 10, the ship's owners had published.\n")]
    [InlineData(true, "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n" +
                      "0\t2108705\t2108831\tYucaipa owned Dominick's.\tYucaipa bought Dominick's.\n")]
    public void Splits_by_dev_ids_in_input_order_with_header_and_LF_endings(bool dev, string expected)
    {
        var paraphrases = _temp.Write("msr_paraphrase_train.txt", Paraphrases);
        var ids = _temp.Write("mrpc_dev_ids.tsv", DevIds);
        var output = _temp.PathOf("out.tsv");

        MrpcSplitter.WriteSplit(paraphrases, ids, dev, output);

        Assert.Equal(expected, File.ReadAllText(output));
        Assert.NotEqual(0xEF, File.ReadAllBytes(output)[0]); // no byte-order mark
    }

    [Fact]
    public void A_row_without_five_fields_names_its_line()
    {
        var paraphrases = _temp.Write("msr_paraphrase_train.txt", Paraphrases + "1\t5\t6\tonly one string\r\n");
        var ids = _temp.Write("mrpc_dev_ids.tsv", DevIds);

        var error = Assert.Throws<DataFormatException>(() => MrpcSplitter.WriteSplit(paraphrases, ids, false, _temp.PathOf("out.tsv")));

        Assert.Equal((paraphrases, 5), (error.File, error.Line));
        Assert.Contains("expected 5 tab-separated fields, found 4", error.Message);
    }
}
