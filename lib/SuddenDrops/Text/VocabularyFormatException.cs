namespace SuddenDrops.Text;

/// <summary>A WordPiece vocabulary file that cannot be used: names the file, the 1-based line and the problem.</summary>
public sealed class VocabularyFormatException : FormatException
{
    public VocabularyFormatException(string file, int line, string problem)
        : base(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The vocabulary file (or "&lt;memory&gt;" for a piece list built in memory).</summary>
    public string File { get; }

    /// <summary>1-based line of the problem; 0 when the problem concerns the whole file (e.g. a missing special piece).</summary>
    public int Line { get; }

    public string Problem { get; }
}
