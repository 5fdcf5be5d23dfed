using System.Text;

namespace SuddenDrops.Data;

/// <summary>
/// Builds GLUE's MRPC <c>train.tsv</c>/<c>dev.tsv</c> the way GLUE's <c>download_glue_data.py</c> (<c>format_mrpc</c>)
/// does: the header line of <c>msr_paraphrase_train.txt</c> is copied to both; every further row, stripped of
/// surrounding whitespace and split into its 5 tab-separated fields (quality, id 1, id 2, string 1, string 2), goes
/// to dev when its (id 1, id 2) pair is listed in <c>mrpc_dev_ids.tsv</c>, else to train, in input order, rejoined by
/// tabs and ended by <c>\n</c>. Output is UTF-8 without a byte-order mark.
/// </summary>
public static class MrpcSplitter
{
    private const int FieldCount = 5;

    /// <summary>Writes one split to <paramref name="outputPath"/>.</summary>
    /// <exception cref="DataFormatException">A row without 5 fields, or a dev-id line without 2.</exception>
    public static void WriteSplit(string paraphraseTrainPath, string devIdsPath, bool dev, string outputPath)
    {
        using var paraphrases = TextFile.OpenText(paraphraseTrainPath);
        using var devIds = TextFile.OpenText(devIdsPath);
        using var output = new StreamWriter(outputPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        WriteSplit(paraphrases, paraphraseTrainPath, devIds, devIdsPath, dev, output);
    }

    /// <summary>Writes one split to <paramref name="output"/>; the names are used in error messages.</summary>
    public static void WriteSplit(TextReader paraphrases, string paraphrasesName, TextReader devIds, string devIdsName, bool dev, TextWriter output)
    {
        var devPairs = ReadDevPairs(devIds, devIdsName);
        output.NewLine = "\n";
        var header = paraphrases.ReadLine() ?? throw new DataFormatException(paraphrasesName, 1, "empty file: expected a header line");
        output.WriteLine(header);
        var lineNumber = 1;
        while (paraphrases.ReadLine() is { } line)
        {
            lineNumber++;
            var fields = line.Trim().Split('\t');
            if (fields.Length != FieldCount)
                throw new DataFormatException(paraphrasesName, lineNumber, $"expected {FieldCount} tab-separated fields, found {fields.Length}");
            if (devPairs.Contains((fields[1], fields[2])) == dev)
                output.WriteLine(string.Join('\t', fields));
        }
    }

    private static HashSet<(string, string)> ReadDevPairs(TextReader devIds, string devIdsName)
    {
        var pairs = new HashSet<(string, string)>();
        var lineNumber = 0;
        while (devIds.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var ids = line.Trim().Split('\t');
            if (ids.Length != 2)
                throw new DataFormatException(devIdsName, lineNumber, $"expected 2 tab-separated ids, found {ids.Length}");
            pairs.Add((ids[0], ids[1]));
        }
        return pairs;
    }
}
