namespace SuddenDrops.Data;

/// <summary>A CoNLL-U file that breaks the format or does not encode one dependency tree per sentence.</summary>
public sealed class ConlluFormatException(string file, int line, string problem)
    : DataFormatException(file, line, problem);
