using System.CommandLine;
using Spectre.Console;
using SuddenDrops.Analysis;
using SuddenDrops.Data;

namespace SuddenDrops.Cli.Commands;

/// <summary>
/// <c>sdrops report</c>: fills the generated tables of REPRODUCTION.md from the committed runs (or, with
/// <c>--check</c>, only says whether they still match the runs; exit code 1 when not).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var runs = new Option<string?>("--runs") { Description = "Root of the committed runs (default: data/runs of the project)." };
        var file = new Option<string?>("--file") { Description = "The report to fill (default: REPRODUCTION.md of the project)." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when a table differs from the runs." };
        var command = new Command("report", "Regenerate the tables of REPRODUCTION.md from the committed run folders (every number traceable to a run).");
        foreach (var option in new Option[] { runs, file, check }) command.Options.Add(option);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            string Root() => ProjectRoot.Find()
                ?? throw new DirectoryNotFoundException($"No {ProjectRoot.MarkerFile} above {Environment.CurrentDirectory}: give --runs and --file.");
            var runsRoot = parse.GetValue(runs) ?? Path.Combine(Root(), "data", "runs");
            var path = parse.GetValue(file) ?? Path.Combine(Root(), "REPRODUCTION.md");
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such report file.", path);
            var tables = ReproductionTables.All(runsRoot);
            var written = MarkedBlocks.Read(File.ReadAllText(path));
            var stale = tables.Where(t => !written.TryGetValue(t.Key, out var body) || body != t.Value).Select(t => t.Key).ToList();
            if (parse.GetValue(check))
            {
                AnsiConsole.MarkupLine(stale.Count == 0
                    ? $"{tables.Count} tables match the runs in {Markup.Escape(runsRoot)}."
                    : $"[red]Stale tables in {Markup.Escape(path)}: {Markup.Escape(string.Join(", ", stale))}[/] (run `sdrops report`).");
                return stale.Count == 0 ? 0 : 1;
            }
            MarkedBlocks.Update(path, tables);
            AnsiConsole.MarkupLine($"Wrote {tables.Count} tables into {Markup.Escape(path)} ({stale.Count} changed: {Markup.Escape(string.Join(", ", stale))}).");
            return 0;
        }));
        return command;
    }
}
