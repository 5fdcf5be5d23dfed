namespace SuddenDrops.Tests.Notebooks;

/// <summary>How an external command ended.</summary>
/// <param name="CommandLine">The command, for messages.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Standard output and standard error, in that order.</param>
/// <param name="Elapsed">Wall-clock time it ran.</param>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>A message naming the command, its exit code and the end of its output.</summary>
    public string Describe(int tailCharacters = 4000) =>
        $"'{CommandLine}' exited with {ExitCode} after {Elapsed.TotalSeconds:0.0} s; output ends with:{Environment.NewLine}" +
        (Output.Length <= tailCharacters ? Output : Output[^tailCharacters..]);
}
