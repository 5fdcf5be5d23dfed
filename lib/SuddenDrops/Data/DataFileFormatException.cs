namespace SuddenDrops.Data;

/// <summary>
/// A data file (BLiMP JSON lines, GLUE TSV) holds a line the reader cannot use.
/// The message reads "<c>file:line: problem</c>".
/// </summary>
public sealed class DataFileFormatException : FormatException
{
    public DataFileFormatException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file (or source name) that holds the bad line.</summary>
    public string File { get; }

    /// <summary>1-based line number of the bad line.</summary>
    public int Line { get; }

    /// <summary>What is wrong with the line, without the location.</summary>
    public string Problem { get; }
}
