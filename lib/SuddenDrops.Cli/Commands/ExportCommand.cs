using System.CommandLine;
using Spectre.Console;
using SuddenDrops.Experiments;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops export</c>: keeps a run's (or a sweep's) small result files in the project, without checkpoints.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "A run folder or a folder of run folders (a sweep).", Required = true };
        var to = new Option<string>("--to") { Description = "Where to copy them, e.g. data/runs/tiny-sas.", Required = true };
        var command = new Command("export", "Copy config.json, run.json, metrics.csv, train_log.csv, curves/ and evals/ of runs (no checkpoints, no vocabulary) into the project.");
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var runs = RunExport.Copy(parse.GetValue(from)!, parse.GetValue(to)!);
            AnsiConsole.MarkupLine($"Copied {runs.Count} run(s) into {Markup.Escape(parse.GetValue(to)!)}: {Markup.Escape(string.Join(", ", runs))}");
            return 0;
        }));
        return command;
    }
}
