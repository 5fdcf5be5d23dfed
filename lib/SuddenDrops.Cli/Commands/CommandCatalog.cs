using System.CommandLine;

namespace SuddenDrops.Cli.Commands;

/// <summary>Every sub-command of <c>sdrops</c>; add new commands here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return TrainCommand.Create();
        yield return BenchCommand.Create();
        yield return SweepCommand.Create();
        yield return OnsetCommand.Create();
        yield return DataCommand.Create();
    }
}
