using System.CommandLine;
using Spectre.Console;
using SuddenDrops.Data;
using SuddenDrops.Experiments;
using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops glue</c>: fine-tunes a checkpoint on GLUE tasks and scores them on dev.</summary>
internal static class GlueCommand
{
    public static Command Create()
    {
        var defaults = new GlueFineTuningConfig();
        var checkpoint = new Option<string>("--checkpoint") { Description = "A run folder (its latest checkpoint), a checkpoints/step-N folder or its model.bin.", Required = true };
        var data = SharedOptions.DataRoot();
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for libtorch (default: all cores)." };
        var output = new Option<string?>("--out") { Description = "JSON report (default: <run>/evals/glue-step-N.json)." };
        var tasks = new Option<string>("--tasks") { Description = "Comma-separated tasks: cola, sst2, mrpc, stsb, rte.", DefaultValueFactory = _ => "cola,sst2,mrpc,stsb,rte" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training set.", DefaultValueFactory = _ => defaults.Epochs };
        var lr = new Option<double>("--lr") { Description = "Peak learning rate (warm-up over the first 10%, then linear decay to 0).", DefaultValueFactory = _ => defaults.LearningRate };
        var batch = new Option<int>("--batch-size") { Description = "Examples per update.", DefaultValueFactory = _ => defaults.BatchSize };
        var maxPieces = new Option<int>("--max-pieces") { Description = "Longest input (capped by the pretraining sequence length).", DefaultValueFactory = _ => defaults.MaxPieces };
        var warmup = new Option<double>("--warmup") { Description = "Share of the updates spent warming up.", DefaultValueFactory = _ => defaults.WarmupFraction };
        var maxTrain = new Option<int?>("--max-train") { Description = "Fine-tune on a seeded random subset of at most N training examples per task (dev is always complete)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the head, dropout, subset and batch order.", DefaultValueFactory = _ => defaults.Seed };
        var command = new Command("glue", "Fine-tune a checkpoint on GLUE tasks (CoLA, SST-2, MRPC, STS-B, RTE) and score each on dev.");
        foreach (var o in new Option[] { checkpoint, data, device, threads, output, tasks, epochs, lr, batch, maxPieces, warmup, maxTrain, seed })
            command.Options.Add(o);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            if (parse.GetValue(threads) is int t and > 0) set_num_threads(t);
            var root = DataRoot.Resolve(parse.GetValue(data));
            var chosen = parse.GetValue(tasks)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(GlueTask.FromName).ToList();
            var config = (defaults with
            {
                Epochs = parse.GetValue(epochs), LearningRate = parse.GetValue(lr), BatchSize = parse.GetValue(batch),
                MaxPieces = parse.GetValue(maxPieces), WarmupFraction = parse.GetValue(warmup), MaxTrain = parse.GetValue(maxTrain), Seed = parse.GetValue(seed),
            }).Validate();
            var report = GlueBenchmark.Run(parse.GetValue(checkpoint)!, chosen, Path.Combine(root.Path, "glue"), config, parse.GetValue(device)!,
                log: m => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(m)}[/]"));
            var path = parse.GetValue(output) ?? RunFolder.OfCheckpoint(report.Checkpoint).EvalPath(RunFolder.GlueEval, report.Step);
            JsonFiles.Save(path, report);

            var table = new Table().AddColumns("task", "train used", "metrics (dev)", "score", "majority", "seconds");
            foreach (var r in report.Tasks)
                table.AddRow(r.Task, $"{r.TrainUsed:N0} / {r.TrainAvailable:N0}", string.Join(", ", r.Metrics.Select(m => $"{m.Key} {m.Value:F3}")),
                    r.Score.ToString("F3"), r.MajorityBaseline.ToString("F3"), r.Seconds.ToString("F0"));
            AnsiConsole.Write(table);
            Console.WriteLine($"glue: step={report.Step} average={report.Average:F4} " + string.Join(" ", report.Tasks.Select(r => $"{r.Task}={r.Score:F4}")) + $" seconds={report.Seconds:F0}");
            Console.WriteLine($"report: {path}");
            return 0;
        }));
        return command;
    }
}
