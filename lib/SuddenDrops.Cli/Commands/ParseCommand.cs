using System.CommandLine;
using Spectre.Console;
using SuddenDrops.Parsing;
using static TorchSharp.torch;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops parse</c>: raw text (WikiExtractor or plain) → silver CoNLL-U trees with our biaffine parser, resumable.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Raw text: WikiExtractor output or one paragraph per line (.gz allowed).", Required = true };
        var output = new Option<string>("--output") { Description = "CoNLL-U output (.conllu.gz: one gzip member per window); <output>.progress.json records progress.", Required = true };
        var model = new Option<string>("--model") { Description = "Parser folder from `sdrops parser train`.", DefaultValueFactory = _ => Path.Combine("runs", "parser-ewt") };
        var limit = new Option<long?>("--limit-sentences") { Description = "Stop after this many input sentences (in total over resumed runs)." };
        var window = new Option<int>("--window") { Description = "Sentences sorted, parsed and flushed together.", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch") { Description = "Sentences per parser batch.", DefaultValueFactory = _ => 64 };
        var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch.", DefaultValueFactory = _ => 1 };
        var command = new Command("parse", "Parse raw text into silver dependency trees (CoNLL-U), streaming and resumable; rerun the same command to resume.");
        foreach (var o in new Option[] { input, output, model, limit, window, batch, threads }) command.Options.Add(o);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            set_num_threads(parse.GetValue(threads));
            using var parser = DependencyParser.Load(parse.GetValue(model)!);
            var options = new CorpusParseOptions(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(limit), parse.GetValue(window), parse.GetValue(batch));
            var corpus = new CorpusParser(parser, options);
            var result = RunWithProgress(corpus, options);
            var p = result.Progress;
            AnsiConsole.MarkupLine($"[bold]{result.SentencesParsed:N0} sentences, {result.WordsParsed:N0} words in {result.Seconds:F0} s: {result.WordsPerSecond:N0} words/s[/] " +
                                   $"({result.SentencesSkipped:N0} skipped as empty or too long)");
            AnsiConsole.MarkupLine($"Output {Markup.Escape(options.Output)}: {p.SentencesWritten:N0} sentences, {p.WordsWritten:N0} words" +
                                   (p.InputExhausted ? ", input finished." : $"; {p.SentencesRead:N0} input sentences done, rerun to go on."));
            return 0;
        }));
        return command;
    }

    private static CorpusParseResult RunWithProgress(CorpusParser corpus, CorpusParseOptions options)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            corpus.WindowWritten += p => Console.WriteLine($"{p.SentencesRead:N0} sentences read, {p.WordsWritten:N0} words written");
            return corpus.Run();
        }
        CorpusParseResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("parsing …", maxValue: options.LimitSentences ?? 1);
                task.IsIndeterminate = options.LimitSentences is null;
                corpus.WindowWritten += p =>
                {
                    task.Value = options.LimitSentences is null ? 0 : p.SentencesRead;
                    task.Description = $"{p.SentencesRead:N0} sentences, {p.WordsWritten:N0} words";
                };
                result = corpus.Run();
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
