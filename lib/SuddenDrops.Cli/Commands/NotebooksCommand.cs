using System.CommandLine;
using SuddenDrops.Data;
using SuddenDrops.Notebooks;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops notebooks</c>: re-executes the committed series in place (<see cref="ExecutedNotebook"/>).</summary>
internal static class NotebooksCommand
{
    public static Command Create()
    {
        var only = new Option<string?>("--only") { Description = "Execute just this notebook (e.g. 02-two-stage-transition)." };
        var command = new Command("notebooks", "Re-execute the notebooks 00–05 in dotnet-repl and write them back with their outputs (figures as static PNGs too), "
                                               + "so that they read without running; needs `dotnet build lib/SuddenDrops.Cli -c Release` and `dotnet tool restore` first.");
        command.Options.Add(only);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var root = ProjectRoot.Find() ?? throw new DirectoryNotFoundException("Run this from inside the repository (no Notebooks.sln above the current folder).");
            var names = parse.GetValue(only) is string one
                ? ExecutedNotebook.Series.Contains(one) ? [one] : throw new ArgumentException($"--only: '{one}' is not one of {string.Join(", ", ExecutedNotebook.Series)}.")
                : ExecutedNotebook.Series;
            var failed = 0;
            foreach (var name in names)
            {
                var path = Path.Combine(root, "notebooks", name + ".ipynb");
                var errors = ExecutedNotebook.Execute(path, root, NotebookFigures.Folder, TimeSpan.FromMinutes(10));
                Console.WriteLine(errors.Count == 0 ? $"{name}: executed" : $"{name}: {errors.Count} cell(s) failed: {string.Join("; ", errors)}");
                failed += errors.Count > 0 ? 1 : 0;
            }
            return failed == 0 ? 0 : 1;
        }));
        return command;
    }
}
