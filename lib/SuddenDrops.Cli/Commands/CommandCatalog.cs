using System.CommandLine;

namespace SuddenDrops.Cli.Commands;

/// <summary>Every sub-command of <c>sdrops</c>; add new commands here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return TrainCommand.Create();
        yield return BenchCommand.Create();
        yield return UasCommand.CreateUas();
        yield return UasCommand.CreateAttention();
        yield return SweepCommand.Create();
        yield return ExtendCommand.Create();
        yield return OnsetCommand.Create();
        yield return CurvesCommand.Create();
        yield return DataCommand.Create();
        yield return BlimpCommand.Create();
        yield return TwoNNCommand.Create();
        yield return GlueCommand.Create();
        yield return FiguresCommand.Create();
        yield return ReportCommand.Create();
        yield return ExportCommand.Create();
        yield return ParserCommand.Create();
        yield return ParseCommand.Create();
        yield return SilverCommand.Create();
        yield return LambdaCommand.Create();
        yield return ReleasePlanCommand.Create();
        yield return NotebooksCommand.Create();
    }
}
