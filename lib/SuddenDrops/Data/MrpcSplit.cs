namespace SuddenDrops.Data;

/// <summary>
/// GLUE's MRPC <c>train.tsv</c> or <c>dev.tsv</c>, which GLUE does not host: built, as GLUE's
/// <c>download_glue_data.py</c> does, from SentEval's copy of <c>msr_paraphrase_train.txt</c> split by GLUE's list
/// of dev pair ids. See <c>MrpcSplitter</c>.
/// </summary>
/// <param name="ParaphraseTrain">SentEval's <c>msr_paraphrase_train.txt</c>.</param>
/// <param name="DevIds">GLUE's <c>mrpc_dev_ids.tsv</c> (pairs of sentence ids, one pair a line).</param>
/// <param name="IsDev">True for <c>dev.tsv</c>, false for <c>train.tsv</c>.</param>
public sealed record MrpcSplit(Uri ParaphraseTrain, Uri DevIds, bool IsDev) : FileOrigin
{
    public override bool IsFetchable => true;

    public override string Describe() => $"build MRPC {(IsDev ? "dev" : "train")} split from {ParaphraseTrain} and {DevIds}";
}
