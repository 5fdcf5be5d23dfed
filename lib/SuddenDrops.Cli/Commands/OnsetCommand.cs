using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops onset</c>: structure ▲ and capabilities ⏺ onsets of metrics.csv columns of one or more runs.</summary>
internal static class OnsetCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("runs") { Description = "Run folders or metrics.csv files.", Arity = ArgumentArity.OneOrMore };
        var columns = new Option<string>("--columns") { Description = "Comma-separated metrics.csv columns (losses are analysed as drops).", DefaultValueFactory = _ => MetricColumns.Uas };
        var from = new Option<double?>("--from") { Description = "Leave out checkpoints before this step (e.g. 1000 for the MLM loss, whose first fall is steepest)." };
        var command = new Command("onset", "Find the sudden rise (UAS, accuracy) or drop (loss) of metrics over a run's checkpoints.");
        command.Arguments.Add(runs);
        command.Options.Add(columns);
        command.Options.Add(from);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var table = new Table().AddColumns("run", "metric", "points", "final", "▲ structure", "inflection", "⏺ capabilities", "rise", "sharpness", "significant", "breakthr.");
            foreach (var run in parse.GetValue(runs)!)
                foreach (var column in parse.GetValue(columns)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var m = OnsetSummary.Of(run, column, fromStep: parse.GetValue(from) ?? double.NegativeInfinity);
                    var c = m.Candidate;
                    table.AddRow(Markup.Escape(Path.GetFileName(Path.TrimEndingDirectorySeparator(run))), Markup.Escape(column), m.Checkpoints.ToString(CultureInfo.InvariantCulture),
                        F(m.FinalValue, "F4"), F(c?.StructureOnsetStep, "N0"), F(c?.InflectionStep, "N0"), F(c?.CapabilitiesOnsetStep, "N0"),
                        F(c?.Rise, "F4"), F(c?.Sharpness, "F2"), m.Onset is null ? "no onset" : "yes", F(m.Breakthroughness, "F1"));
                }
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static string F(double? value, string format) =>
        value is double d && double.IsFinite(d) ? d.ToString(format, CultureInfo.InvariantCulture) : "–";
}
