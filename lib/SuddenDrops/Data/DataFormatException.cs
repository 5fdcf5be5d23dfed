namespace SuddenDrops.Data;

/// <summary>
/// A data file that does not follow its format. The message is <c>file:line: problem</c>,
/// so an editor or a terminal can jump to the offending line.
/// </summary>
public class DataFormatException : FormatException
{
    public DataFormatException(string file, int line, string problem)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file that holds the bad input, as given to the reader.</summary>
    public string File { get; }

    /// <summary>1-based line number of the offending line; 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
