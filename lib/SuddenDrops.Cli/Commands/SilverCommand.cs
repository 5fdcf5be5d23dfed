using System.CommandLine;
using System.Diagnostics;
using SuddenDrops.Data;
using SuddenDrops.Experiments;
using static TorchSharp.torch;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops silver</c>: builds the silver-tree cache that <c>--silver</c> runs train on (<see cref="SilverCorpus"/>).</summary>
internal static class SilverCommand
{
    public static Command Create()
    {
        var sources = new Option<string>("--sources") { Description = "Comma-separated corpora to parse (as for train's --sources).", DefaultValueFactory = _ => "wikipedia,gutenberg" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch.", DefaultValueFactory = _ => 1 };
        var data = SharedOptions.DataRoot();
        var command = new Command("silver", "Train the dependency parser on UD EWT (if not cached) and parse the pretraining text into silver trees (if not cached); resumable: rerun after an interruption.");
        foreach (var o in new Option[] { sources, threads, data }) command.Options.Add(o);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            set_num_threads(parse.GetValue(threads));
            var root = DataRoot.Resolve(parse.GetValue(data)).Path;
            var names = parse.GetValue(sources)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            using var stop = StopSignals.Listen();
            var clock = Stopwatch.StartNew();
            var paths = SilverCorpus.Build(names, root, CorpusPreparation.DefaultCacheDirectory, parse.GetValue(threads), Console.WriteLine,
                trainer =>
                {
                    trainer.EpochDone += e => Console.WriteLine($"  parser epoch {e.Epoch}: dev UAS {100 * e.DevUas:F2} LAS {100 * e.DevLas:F2} ({clock.Elapsed:hh\\:mm\\:ss})");
                    trainer.Retried += (epoch, why) => Console.WriteLine($"  parser epoch {epoch} went non-finite ({why}); redoing it");
                },
                corpus => corpus.WindowWritten += p => Console.WriteLine($"  {p.SentencesRead:N0} sentences, {p.WordsWritten:N0} words ({clock.Elapsed:hh\\:mm\\:ss})"),
                stop.Token);
            Console.WriteLine($"Silver trees ready (key {SilverCorpus.KeyOf(paths)}): {string.Join(", ", paths)}");
            return 0;
        }));
        return command;
    }
}
