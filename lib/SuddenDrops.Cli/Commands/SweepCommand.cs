using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary>
/// <c>sdrops sweep</c>: trains every (variant, seed) of the regulariser experiment into <c>&lt;out&gt;/&lt;variant&gt;-s&lt;seed&gt;</c>
/// (finished runs skipped, unfinished resumed; with <c>--dense</c>, each run's dense curves after it), then writes <c>&lt;out&gt;/summary.csv</c> and prints it.
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
        var data = SharedOptions.DataRoot();
        var summaryOnly = new Option<bool>("--summary-only") { Description = "Train nothing: summarise the runs as they are." };
        var only = new Option<string?>("--run") { Description = "Train only this run of the sweep (e.g. sas-@1000-s2); what a Slurm array task runs." };
        var plan = new Option<string?>("--plan") { Description = "slurm: write a Slurm job array (one task per run, SAS−(k) forks after their SAS− task) into <out>/slurm/ and train nothing." };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition for --plan slurm." };
        var dense = new Option<string?>("--dense") { Description = "FROM:TO:EVERY — after each run, evaluate its checkpoints from step FROM to TO every EVERY steps (and its first and last) with --dense-probes, into <run>/curves/ (as `sdrops curves --dense`; e.g. the release plan's window 4000:8000:100)." };
        var denseProbes = new Option<string>("--dense-probes") { Description = "Comma-separated probes of --dense: relations, blimp, twonn.", DefaultValueFactory = _ => "blimp,twonn" };
        var time = new Option<string>("--time") { Description = "Slurm time limit per task for --plan slurm.", DefaultValueFactory = _ => "24:00:00" };
        var command = new Command("sweep", "Train the regulariser variants (base, SAS+, SAS-, SAS-(k)) over seeds, then summarise losses, UAS and onsets.");
        options.AddTo(command);
        regularizer.AddTo(command);
        command.Options.Add(variants);
        command.Options.Add(seeds);
        command.Options.Add(output);
        command.Options.Add(data);
        command.Options.Add(summaryOnly);
        command.Options.Add(only);
        command.Options.Add(plan);
        command.Options.Add(partition);
        command.Options.Add(time);
        command.Options.Add(dense);
        command.Options.Add(denseProbes);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var preset = options.Build(parse);
            var outDir = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(TrainingJob.DefaultRunDirectory(preset))!, $"sweep-{preset.Preset}");
            var planned = RegularizerOptions.ParseVariants(parse.GetValue(variants)!);
            var template = regularizer.For(SasVariant.Baseline, parse, onTrainingRows: preset.Corpus.Parsed,
                regularized: planned.Any(v => v.Kind != SasVariantKind.Baseline));
            var runs = Sweep.Plan(preset, planned, ParseSeeds(parse.GetValue(seeds)!), template, outDir);

            using var stop = StopSignals.Listen();

            if (parse.GetValue(plan) is string kind)
            {
                if (!kind.Equals("slurm", StringComparison.OrdinalIgnoreCase)) throw new ArgumentException($"--plan knows only slurm, got '{kind}'.");
                var written = SlurmPlan.Write(runs, outDir, TaskCommand(), preset.Threads > 0 ? preset.Threads : 1, parse.GetValue(partition), parse.GetValue(time)!);
                AnsiConsole.MarkupLine($"Slurm plan for {runs.Count} runs: {Markup.Escape(string.Join(", ", written))}; submit with [bold]bash {Markup.Escape(written[^1])}[/].");
                return 0;
            }
            var curves = parse.GetValue(dense) is string window
                ? new CheckpointCurvesOptions(CheckpointCurvesOptions.ParseProbes(parse.GetValue(denseProbes)!), Every: int.MaxValue,
                    Device: preset.Device, Dense: DenseWindow.Parse(window))
                : null;
            bool completed = parse.GetValue(summaryOnly) || TrainAll(runs, parse.GetValue(data), parse.GetValue(only), curves, stop.Token);
            var rows = SweepSummary.Of(runs);
            var summaryPath = Path.Combine(outDir, "summary.csv");
            SweepSummary.Write(summaryPath, rows);
            AnsiConsole.Write(Table(rows));
            AnsiConsole.MarkupLine($"Summary: {Markup.Escape(summaryPath)}");
            return completed ? 0 : 130;
        }));
        return command;
    }

    /// <summary>Trains the runs (or the one named) with a progress display; false when cancelled (the current run wrote a checkpoint).</summary>
    private static bool TrainAll(IReadOnlyList<SweepRun> runs, string? dataRoot, string? only, CheckpointCurvesOptions? curves, CancellationToken cancel)
    {
        var runner = new SweepRunner(runs, dataRoot)
        {
            Curves = curves,
            Watch = (run, trainer, train) =>
            {
                TrainingSummary summary = null!;
                ProgressDisplay.Run(run.Config.Steps, trainer, () => summary = train());
                return summary;
            },
        };
        runner.Message += m => AnsiConsole.MarkupLine(Markup.Escape(m));
        runner.Warning += Warn;
        return runner.TrainAll(cancel, only);
    }

    /// <summary>This command line without the planning options: what each Slurm task runs (with <c>--run</c> added).</summary>
    private static string TaskCommand()
    {
        var args = Environment.GetCommandLineArgs().Skip(1).ToList();
        var kept = new List<string> { "sdrops" };
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--plan" or "--partition" or "--time" or "--run") { i++; continue; }
            if (args[i].StartsWith("--plan=", StringComparison.Ordinal) || args[i].StartsWith("--partition=", StringComparison.Ordinal)
                || args[i].StartsWith("--time=", StringComparison.Ordinal) || args[i].StartsWith("--run=", StringComparison.Ordinal)) continue;
            kept.Add(args[i].Any(char.IsWhiteSpace) ? $"'{args[i]}'" : args[i]);
        }
        return string.Join(' ', kept);
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
