using Spectre.Console;

namespace SuddenDrops.Cli;

/// <summary>Runs a command body and turns expected failures (bad input, missing data) into one clear message and exit code 1.</summary>
internal static class CliErrors
{
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException
                                      or InvalidOperationException or FormatException or InvalidDataException or IOException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 1;
        }
    }
}
