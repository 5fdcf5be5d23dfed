using Spectre.Console;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary>A progress bar that updates in place: step, loss, tokens/s, ETA and the last held-out evaluation.</summary>
internal static class ProgressDisplay
{
    public static void Run(long totalSteps, Trainer trainer, Action body)
    {
        trainer.Warning += message => Console.Error.WriteLine(message);
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Redirected output (CI, logs): one line per report instead of a redrawn bar.
            trainer.Progress += p => Console.WriteLine(Line(p));
            trainer.Checkpointed += row => Console.WriteLine("checkpoint " + string.Join(" ", row.Where(kv => kv.Value is not null).Select(kv => $"{kv.Key}={Format(kv.Value)}")));
            body();
            return;
        }
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting …", maxValue: totalSteps);
                trainer.Progress += p =>
                {
                    task.Value = p.Step;
                    task.Description = Markup.Escape(Line(p));
                };
                trainer.Checkpointed += row =>
                    AnsiConsole.MarkupLine($"[grey]checkpoint {Markup.Escape(string.Join("  ", row.Where(kv => kv.Value is not null && kv.Key != MetricColumns.Tokens).Select(kv => $"{kv.Key} {Format(kv.Value)}")))}[/]");
                body();
            });
    }

    private static string Line(TrainingProgress p) =>
        $"step {p.Step:N0}/{p.TotalSteps:N0}  loss {p.TrainLoss:F3}  lr {p.LearningRate:0.0e0}  {p.TokensPerSecond:N0} tok/s" +
        (p.Regularizer is { } reg ? $"  R {reg.Value:F1} λR {reg.WeightedLoss:+0.000;-0.000;0}" : "") +
        (p.LastEvaluation is { } e ? $"  eval {e.Loss:F3} / {e.Accuracy:P1}" : "") +
        (p.Remaining is { } r ? $"  ETA {r:hh\\:mm\\:ss}" : "");

    private static string Format(object? v) => v switch
    {
        double d when Math.Abs(d) >= 1000 => d.ToString("F0"),
        double d => d.ToString("G4"),
        _ => v?.ToString() ?? "",
    };
}
