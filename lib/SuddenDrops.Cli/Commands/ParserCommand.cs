using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using SuddenDrops.Data;
using SuddenDrops.Parsing;
using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops parser train</c> and <c>sdrops parser eval</c>: our biaffine dependency parser on UD English-EWT.</summary>
internal static class ParserCommand
{
    public static Command Create()
    {
        var command = new Command("parser", "Train and evaluate the biaffine dependency parser (Dozat & Manning 2017) on UD English-EWT.");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateEval());
        return command;
    }

    private static Command CreateTrain()
    {
        var output = new Option<string>("--out") { Description = "Parser folder (config.json, vocab.json, model.bin, state.json, last/).", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out after its last finished epoch." };
        var data = SharedOptions.DataRoot();
        var threads = new Option<int?>("--threads") { Description = "CPU threads for libtorch (default 1)." };
        var maxEpochs = new Option<int?>("--max-epochs") { Description = "Epochs at most (default 100)." };
        var patience = new Option<int?>("--patience") { Description = "Stop after this many epochs without a better dev LAS (default 5)." };
        var layers = new Option<int?>("--lstm-layers") { Description = "BiLSTM layers (default 3)." };
        var hidden = new Option<int?>("--lstm-hidden") { Description = "BiLSTM size per direction (default 200)." };
        var seed = new Option<int?>("--seed") { Description = "Seed (default 0)." };
        var command = new Command("train", "Train the parser on EWT train with early stopping on EWT dev; the best model is kept.");
        foreach (var o in new Option[] { output, resume, data, threads, maxEpochs, patience, layers, hidden, seed }) command.Options.Add(o);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var defaults = new ParserConfig();
            var config = defaults with
            {
                Threads = parse.GetValue(threads) ?? defaults.Threads,
                MaxEpochs = parse.GetValue(maxEpochs) ?? defaults.MaxEpochs,
                Patience = parse.GetValue(patience) ?? defaults.Patience,
                LstmLayers = parse.GetValue(layers) ?? defaults.LstmLayers,
                LstmHidden = parse.GetValue(hidden) ?? defaults.LstmHidden,
                Seed = parse.GetValue(seed) ?? defaults.Seed,
            };
            var root = DataRoot.Resolve(parse.GetValue(data)).Path;
            var train = ConlluReader.Read(Path.Combine(root, config.Train)).ToList();
            var dev = ConlluReader.Read(Path.Combine(root, config.Dev)).ToList();
            Console.WriteLine($"Parser training: {train.Count:N0} train sentences, {dev.Count:N0} dev sentences → {parse.GetValue(output)}");
            var trainer = new ParserTrainer(config, parse.GetValue(output)!, train, dev);
            var clock = Stopwatch.StartNew();
            trainer.StepDone += (step, steps, loss) =>
            {
                if (step % 100 == 0) Console.WriteLine($"  step {step}/{steps}  loss {loss:F3}  {clock.Elapsed:hh\\:mm\\:ss}");
            };
            trainer.Retried += (epoch, why) => Console.WriteLine($"epoch {epoch} went non-finite ({why}); redoing it from the last saved epoch");
            trainer.EpochDone += e => Console.WriteLine(
                $"epoch {e.Epoch}: arc loss {e.ArcLoss:F3} rel loss {e.RelationLoss:F3}  dev UAS {100 * e.DevUas:F2} LAS {100 * e.DevLas:F2}  " +
                $"train {e.TrainSeconds:F0} s ({e.WordsPerSecond:N0} words/s), dev {e.DevSeconds:F0} s, lr {e.LearningRate:0.###e0}");
            var state = trainer.Run(parse.GetValue(resume));
            Console.WriteLine($"Best epoch {state.BestEpoch} of {state.EpochsDone}: dev UAS {100 * state.BestDevUas:F2} LAS {100 * state.BestDevLas:F2}; model {new ParserFolder(parse.GetValue(output)!).ModelPath}");
            return 0;
        }));
        return command;
    }

    private static Command CreateEval()
    {
        var model = new Option<string>("--model") { Description = "Parser folder written by `sdrops parser train`.", Required = true };
        var split = new Option<string>("--split") { Description = "test or dev (EWT), or a CoNLL-U file.", DefaultValueFactory = _ => "test" };
        var data = SharedOptions.DataRoot();
        var threads = new Option<int?>("--threads") { Description = "CPU threads for libtorch (default 1)." };
        var command = new Command("eval", "UAS and LAS (punctuation included, gold tokenisation) of a trained parser on EWT test or dev.");
        foreach (var o in new Option[] { model, split, data, threads }) command.Options.Add(o);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            set_num_threads(parse.GetValue(threads) ?? 1);
            using var parser = DependencyParser.Load(parse.GetValue(model)!);
            var treebank = TreebankPath(parse.GetValue(split)!, parser.Config, parse.GetValue(data));
            var clock = Stopwatch.StartNew();
            var scores = parser.Evaluate(ConlluReader.Read(treebank));
            var seconds = clock.Elapsed.TotalSeconds;
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(scores.ToString())}[/] on {Markup.Escape(treebank)}; {scores.Words / seconds:N0} words/s");
            return 0;
        }));
        return command;
    }

    private static string TreebankPath(string split, ParserConfig config, string? data)
    {
        if (split is not ("test" or "dev"))
            return File.Exists(split) ? split : throw new FileNotFoundException($"--split {split}: neither test, dev nor an existing file.");
        var root = DataRoot.Resolve(data).Path;
        return Path.Combine(root, split == "test" ? config.Test : config.Dev);
    }
}
