using SuddenDrops.Data;

namespace SuddenDrops.Text;

/// <summary>
/// A WordPiece vocabulary file that cannot be used: names the file, the 1-based line (0 when the problem concerns the
/// whole file, e.g. a missing special piece) and the problem.
/// </summary>
public sealed class VocabularyFormatException(string file, int line, string problem) : DataFormatException(file, line, problem);
