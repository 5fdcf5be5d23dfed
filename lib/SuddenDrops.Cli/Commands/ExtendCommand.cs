using System.CommandLine;
using Spectre.Console;
using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary>
/// <c>sdrops extend</c>: trains a finished constant-rate run further into a new run folder (<see cref="RunFork.Extend"/>),
/// leaving the source as it is; run again to resume an interrupted extension.
/// </summary>
internal static class ExtendCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The run to extend (a run folder with config.json and a checkpoint that keeps its optimizer state).", Required = true };
        var steps = new Option<int>("--steps") { Description = "Total steps of the extended run (more than the source has).", Required = true };
        var output = new Option<string>("--out") { Description = "New run folder for the extended run.", Required = true };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for libtorch (default: the source's)." };
        var data = SharedOptions.DataRoot();
        var noProbes = new Option<bool>("--no-probes") { Description = "Skip UAS/BLiMP/TwoNN at checkpoints (MLM loss and accuracy only)." };
        var command = new Command("extend",
            "Train a run further than its last step, into a new folder: the copy equals a run trained that long from step 0 " +
            "(runs with a constant learning rate after warm-up only; the tiny preset's).");
        foreach (var option in new Option[] { from, steps, output, threads, data, noProbes }) command.Options.Add(option);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var source = new RunFolder(parse.GetValue(from)!);
            var target = new RunFolder(parse.GetValue(output)!);
            var resume = target.HasConfig && new CheckpointStore(target.CheckpointsDir).LatestResumable() is not null;
            TrainingConfig config;
            if (resume)
            {
                config = target.LoadConfig();
                if (config.Steps != parse.GetValue(steps))
                    throw new ArgumentException($"{target.ConfigPath} runs to step {config.Steps:N0}, not {parse.GetValue(steps):N0}; choose another --out.");
                AnsiConsole.MarkupLine($"[grey]Resuming the extension in {Markup.Escape(target.Root)}.[/]");
            }
            else
            {
                config = RunFork.Extend(source, target, parse.GetValue(steps), parse.GetValue(threads), Console.Error.WriteLine);
                AnsiConsole.MarkupLine($"Extending {Markup.Escape(source.Root)} to {config.Steps:N0} steps → {Markup.Escape(target.Root)}");
            }
            var job = TrainingJob.Prepare(config, target.Root, parse.GetValue(data), log: m => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(m)}[/]"));
            var trainer = job.CreateTrainer(parse.GetValue(noProbes) ? [] : CheckpointProbes.Default(job));

            using var stop = StopSignals.Listen();
            TrainingSummary summary = null!;
            ProgressDisplay.Run(job.Config.Steps, trainer, () => summary = trainer.RunRecovering(true, Trainer.DefaultRecoveries, Warn, stop.Token));
            AnsiConsole.MarkupLine(summary.Completed
                ? $"[green]Finished[/] at step {summary.EndStep:N0}: {Markup.Escape(target.Root)}"
                : $"[yellow]Stopped at step {summary.EndStep:N0}; run the same command again to resume.[/]");
            return summary.Completed ? 0 : 130;
        }));
        return command;
    }

    private static void Warn(string message) => AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(message)}[/]");
}
