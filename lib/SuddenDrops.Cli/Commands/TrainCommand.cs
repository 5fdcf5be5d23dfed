using System.CommandLine;
using Spectre.Console;
using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops train</c>: trains a masked LM into a run folder, with a live progress bar; Ctrl-C stops at a checkpoint.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var options = new TrainingOptions();
        var output = new Option<string?>("--out") { Description = "Run folder (default: runs/<preset>-s<seed>)." };
        var data = SharedOptions.DataRoot();
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint." };
        var noProbes = new Option<bool>("--no-probes") { Description = "Skip UAS/BLiMP/TwoNN at checkpoints (MLM loss and accuracy only)." };
        var variant = new Option<string?>("--variant") { Description = "Syntactic regulariser: base (labelled batches, λ = 0), sas+ (promote), sas- (suppress), sas-@k (suppress until step k). Default: none." };
        var regularizer = new RegularizerOptions();
        var command = new Command("train", "Train a BERT masked-language model from scratch on raw English text.");
        options.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(data);
        command.Options.Add(resume);
        command.Options.Add(noProbes);
        command.Options.Add(variant);
        regularizer.AddTo(command);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var config = options.Build(parse);
            if (parse.GetValue(variant) is string name)
                config = (config with { Regularizer = regularizer.For(SasVariant.Parse(name), parse, onTrainingRows: config.Corpus.Parsed) }).Validate();
            else if (regularizer.AnyGiven(parse))
                throw new ArgumentException("--lambda, --labelled-share and --treebank need --variant (base, sas+, sas-, sas-@k).");
            var runDir = parse.GetValue(output) ?? TrainingJob.DefaultRunDirectory(config);
            var savedConfig = new RunFolder(runDir);
            if (parse.GetValue(resume) && savedConfig.HasConfig)
            {
                // A run continues with its own settings, whatever the preset has become since (e.g. new probe fields).
                config = savedConfig.LoadConfig();
                AnsiConsole.MarkupLine($"[grey]Resuming with {Markup.Escape(savedConfig.ConfigPath)}; preset and override options are not used.[/]");
            }
            var job = TrainingJob.Prepare(config, runDir, parse.GetValue(data), log: m => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(m)}[/]"));
            var probes = parse.GetValue(noProbes) ? [] : CheckpointProbes.Default(job);
            var trainer = job.CreateTrainer(probes);
            AnsiConsole.MarkupLine($"Training [bold]{job.Config.Preset}[/]: {job.Config.Model.Layers} layers × {job.Config.Model.Hidden} hidden × {job.Config.Model.Heads} heads, " +
                                   $"vocabulary {job.Config.Model.VocabSize:N0}, T {job.Config.SequenceLength}, batch {job.Config.BatchSize}, {job.Config.Steps:N0} steps → {Markup.Escape(job.Run.Root)}");

            using var stop = StopSignals.Listen();

            TrainingSummary summary = null!;
            ProgressDisplay.Run(job.Config.Steps, trainer, () => summary = trainer.RunRecovering(parse.GetValue(resume), Trainer.DefaultRecoveries, Warn, stop.Token));

            var e = summary.FinalEvaluation;
            AnsiConsole.MarkupLine(summary.Completed ? "[green]Finished.[/]" : $"[yellow]Stopped at step {summary.EndStep:N0}; a checkpoint was written. Continue with --resume.[/]");
            if (e is not null)
                AnsiConsole.MarkupLine($"held-out MLM loss {e.Loss:F3} (unigram baseline {summary.UnigramLoss:F3}), masked-token accuracy {e.Accuracy:P1}; " +
                                       $"{summary.TokensPerSecond:N0} tokens/s over {summary.Elapsed:hh\\:mm\\:ss}.");
            AnsiConsole.MarkupLine($"Run folder: {Markup.Escape(summary.RunFolder)} (config.json, run.json, metrics.csv, train_log.csv, checkpoints/)");
            return summary.Completed ? 0 : 130;
        }));
        return command;
    }

    private static void Warn(string message) => AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(message)}[/]");
}
