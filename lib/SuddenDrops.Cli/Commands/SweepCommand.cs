using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Spectre.Console;
using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary>
/// <c>sdrops sweep</c>: trains every (variant, seed) of the regulariser experiment into <c>&lt;out&gt;/&lt;variant&gt;-s&lt;seed&gt;</c>
/// (finished runs skipped, unfinished resumed), then writes <c>&lt;out&gt;/summary.csv</c> and prints it.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var options = new TrainingOptions();
        var regularizer = new RegularizerOptions();
        var variants = new Option<string>("--variants") { Description = "Comma-separated: base, sas+, sas-, sas-@k (k: release step).", DefaultValueFactory = _ => "base,sas+,sas-" };
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds.", DefaultValueFactory = _ => "1" };
        var output = new Option<string?>("--out") { Description = "Sweep folder (default: runs/sweep-<preset>)." };
        var data = new Option<string?>("--data") { Description = "Data root (default: $SUDDENDROPS_DATA, then data/, then ../shared/data)." };
        var summaryOnly = new Option<bool>("--summary-only") { Description = "Train nothing: summarise the runs as they are." };
        var command = new Command("sweep", "Train the regulariser variants (base, SAS+, SAS-, SAS-(k)) over seeds, then summarise losses, UAS and onsets.");
        options.AddTo(command);
        regularizer.AddTo(command);
        command.Options.Add(variants);
        command.Options.Add(seeds);
        command.Options.Add(output);
        command.Options.Add(data);
        command.Options.Add(summaryOnly);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var preset = options.Build(parse);
            var outDir = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(TrainingJob.DefaultRunDirectory(preset))!, $"sweep-{preset.Preset}");
            var template = regularizer.For(SasVariant.Baseline, parse, onTrainingRows: preset.Corpus.Parsed);
            var runs = Sweep.Plan(preset, RegularizerOptions.ParseVariants(parse.GetValue(variants)!), ParseSeeds(parse.GetValue(seeds)!), template, outDir);

            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cancel.Cancel(); });

            bool completed = parse.GetValue(summaryOnly) || TrainAll(runs, parse.GetValue(data), cancel.Token);
            var rows = SweepSummary.Of(runs);
            var summaryPath = Path.Combine(outDir, "summary.csv");
            SweepSummary.Write(summaryPath, rows);
            AnsiConsole.Write(Table(rows));
            AnsiConsole.MarkupLine($"Summary: {Markup.Escape(summaryPath)}");
            return completed ? 0 : 130;
        }));
        return command;
    }

    /// <summary>Trains the runs in order; false when cancelled (the current run wrote a checkpoint).</summary>
    private static bool TrainAll(IReadOnlyList<SweepRun> runs, string? dataRoot, CancellationToken cancel)
    {
        var ordered = Sweep.TrainingOrder(runs);
        for (var i = 0; i < ordered.Count; i++)
        {
            var run = ordered[i];
            var state = Sweep.StateOf(run);
            var label = $"[{i + 1}/{ordered.Count}] {run.Name}";
            if (state == SweepRunState.Finished)
            {
                AnsiConsole.MarkupLine($"{Markup.Escape(label)}: [green]finished[/], skipped.");
                continue;
            }
            var job = TrainingJob.Prepare(run.Config, run.Folder, dataRoot, log: m => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(m)}[/]"));
            var why = "";
            if (state == SweepRunState.NotStarted && Sweep.ForkSource(run, job.Config, out why) is { } source)
            {
                RunFork.Create(source, job.Run, run.Variant.ReleaseStep!.Value, job.Config);
                AnsiConsole.MarkupLine($"{Markup.Escape(label)}: forked from {Markup.Escape(Path.GetFileName(source.Root))} at step {run.Variant.ReleaseStep:N0}.");
                state = SweepRunState.Unfinished;
            }
            else if (run.Variant.Kind == SasVariantKind.SasMinusReleased && state == SweepRunState.NotStarted)
                AnsiConsole.MarkupLine($"[grey]{Markup.Escape(label)}: trained from step 0 ({Markup.Escape(why)}).[/]");
            AnsiConsole.MarkupLine($"{Markup.Escape(label)}: {(state == SweepRunState.Unfinished ? "resuming" : "starting")} → {Markup.Escape(run.Folder)}");
            var trainer = job.CreateTrainer(CheckpointProbes.Default(job));
            trainer.KeepOptimizerAt = Sweep.ForkPoints(run, runs);
            TrainingSummary summary = null!;
            ProgressDisplay.Run(job.Config.Steps, trainer, () => summary = trainer.RunRecovering(state == SweepRunState.Unfinished, Trainer.DefaultRecoveries, Warn, cancel));
            if (!summary.Completed)
            {
                AnsiConsole.MarkupLine($"[yellow]Stopped {Markup.Escape(run.Name)} at step {summary.EndStep:N0}; run the same command again to resume.[/]");
                return false;
            }
        }
        return true;
    }

    private static IReadOnlyList<int> ParseSeeds(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var seeds = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s
            : throw new ArgumentException($"--seeds: '{p}' is not an integer.")).ToList();
        return seeds.Count > 0 ? seeds : throw new ArgumentException("--seeds names no seed.");
    }

    private static Table Table(IReadOnlyList<SweepSummaryRow> rows)
    {
        var table = new Table().AddColumns("variant", "seed", "state", "step", "eval loss", "eval acc", "UAS", "▲ structure", "inflection", "⏺ capabilities", "UAS rise", "significant", "breakthr.");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Variant), r.Seed.ToString(CultureInfo.InvariantCulture), r.State.ToString(), Format(r.FinalStep, "N0"),
                Format(r.EvalLoss, "F3"), Format(r.EvalAccuracy, "P1"), Format(r.Uas, "F3"),
                Format(r.StructureOnset, "N0"), Format(r.InflectionStep, "N0"), Format(r.CapabilitiesOnset, "N0"),
                Format(r.UasRise, "F3"), r.UasOnsetSignificant ? "yes" : "no onset", Format(r.UasBreakthroughness, "F1"));
        return table;
    }

    private static string Format(double? value, string format, string missing = "–") =>
        value is double d && double.IsFinite(d) ? d.ToString(format, CultureInfo.InvariantCulture) : missing;

    private static void Warn(string message) => AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(message)}[/]");
}
