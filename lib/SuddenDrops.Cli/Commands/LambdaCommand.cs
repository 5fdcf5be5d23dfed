using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SuddenDrops.Analysis;

namespace SuddenDrops.Cli.Commands;

/// <summary>
/// <c>sdrops lambda --runs DIR</c>: applies the λ-selection rule of the paper's design (Regularizer.md, "Choosing λ per
/// edge"; <see cref="LambdaChoice"/>) to the selection runs under DIR and prints every strength tried and λ̄*.
/// With <c>--shell</c> it prints only <c>LAMBDA=…</c> for a script, and fails (exit code 2) while there is no λ̄*.
/// </summary>
internal static class LambdaCommand
{
    public static Command Create()
    {
        var runs = new Option<string>("--runs")
        {
            Description = $"The λ-selection folder: {LambdaChoice.BaseFolder}/ with the base run and l<λ>/ with SAS+ and SAS− per strength.",
            Required = true,
        };
        var shell = new Option<bool>("--shell") { Description = "Print LAMBDA=λ̄* only (for eval in a script)." };
        var command = new Command("lambda", "Choose λ per edge by the rule written before the runs (Regularizer.md): every strength tried, and λ̄*.");
        command.Options.Add(runs);
        command.Options.Add(shell);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var choice = LambdaChoice.Of(parse.GetValue(runs)!);
            if (parse.GetValue(shell))
            {
                if (choice.Chosen is not double chosen)
                {
                    Console.Error.WriteLine(choice.Table().Render());
                    return 2;
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LAMBDA={chosen:0.###}"));
                return 0;
            }
            Console.WriteLine(choice.Table().Render());
            AnsiConsole.MarkupLine(choice.Chosen is double lambda
                ? $"λ̄* = {lambda:0.###}{(choice.RegularizerDominates ? " (fallback: no strength both suppresses and keeps the MLM loss; SAS+ is reported as 'regulariser dominates the loss')" : "")}"
                : "[red]No strength suppresses SAS by rule 1: no λ̄*; try larger strengths (the rule's list is in Regularizer.md).[/]");
            return 0;
        }));
        return command;
    }
}
