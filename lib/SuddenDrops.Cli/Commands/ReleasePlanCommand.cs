using System.CommandLine;
using SuddenDrops.Analysis;
using SuddenDrops.Runs;

namespace SuddenDrops.Cli.Commands;

/// <summary>
/// <c>sdrops release-plan --runs DIR</c>: the release steps k, the horizon and the dense-probe window of the paper's design,
/// from the base runs under DIR, by the rule written before them (Regularizer.md; <see cref="ReleasePlan"/>).
/// With <c>--shell</c> it prints only shell assignments for a script, and fails (exit code 2) while there is no plan.
/// </summary>
internal static class ReleasePlanCommand
{
    public static Command Create()
    {
        var runs = new Option<string>("--runs") { Description = "The folder with the base runs (base-s0, base-s1, …).", Required = true };
        var shell = new Option<bool>("--shell") { Description = "Print RELEASES=…, HORIZON=…, PROBES_FROM=…, PROBES_TO=… only (for eval in a script)." };
        var command = new Command("release-plan", "Release steps k = 0.15/0.5/1.5 × base's median UAS ▲, the horizon and the dense-probe window (Regularizer.md).");
        command.Options.Add(runs);
        command.Options.Add(shell);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var plan = ReleasePlan.Of(RunSet.Load(parse.GetValue(runs)!));
            if (parse.GetValue(shell))
            {
                if (plan.Shell() is not { } assignments)
                {
                    Console.Error.WriteLine(plan.Table().Render());
                    Console.Error.WriteLine(plan.Describe());
                    return 2;
                }
                Console.Write(assignments);
                return 0;
            }
            Console.WriteLine(plan.Table().Render());
            Console.WriteLine(plan.Describe());
            return 0;
        }));
        return command;
    }
}
