using System.CommandLine;
using Spectre.Console;
using SuddenDrops.Data;
using SuddenDrops.Experiments;
using SuddenDrops.Metrics;
using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops blimp</c>: BLiMP accuracy of a checkpoint by pseudo-log-likelihood, per paradigm, term and field.</summary>
internal static class BlimpCommand
{
    public static Command Create()
    {
        var options = new EvaluationOptions();
        var perParadigm = new Option<int?>("--per-paradigm") { Description = "Score a fixed seeded sample of N pairs per paradigm (default: all 1,000)." };
        var seed = new Option<int>("--sample-seed") { Description = "Seed of the --per-paradigm sample (the checkpoint probe uses 0).", DefaultValueFactory = _ => BlimpProbe.SampleSeed };
        var command = new Command("blimp", "Score BLiMP minimal pairs with a checkpoint's pseudo-log-likelihood and write a JSON report.");
        options.AddTo(command);
        command.Options.Add(perParadigm);
        command.Options.Add(seed);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var root = DataRoot.Resolve(parse.GetValue(options.Data));
            var pairs = BlimpReader.ReadDirectory(Path.Combine(root.Path, CheckpointProbes.BlimpData));
            var n = parse.GetValue(perParadigm);
            var sample = n is int k ? BlimpSample.Select(pairs, k, parse.GetValue(seed)) : pairs;
            var described = n is int per ? $"BLiMP, {per} pairs per paradigm (seed {parse.GetValue(seed)}): {sample.Count:N0} pairs" : $"BLiMP, all {sample.Count:N0} pairs";
            using var model = options.Load(parse);
            var evaluation = new BlimpEvaluation(sample, WordPieceEncoder.Load(model.VocabPath));
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(model.CheckpointPath)} (step {model.Step:N0}): {Markup.Escape(described)}, {evaluation.Pieces:N0} masked copies …[/]");
            var report = evaluation.Evaluate(model.Model, model.Device);
            var path = options.ReportPath(parse, model, RunFolder.BlimpEval);
            JsonFiles.Save(path, new CheckpointReport<BlimpReport>(model.CheckpointPath, model.Step, model.Device.ToString(), described, report));

            var table = new Table().AddColumns("group", "paradigms", "pairs", "accuracy");
            foreach (var field in report.ByField) table.AddRow($"field {field.Name}", field.Paradigms.ToString(), field.Pairs.ToString("N0"), field.Accuracy.ToString("P1"));
            foreach (var term in report.ByTerm) table.AddRow(term.Name, term.Paradigms.ToString(), term.Pairs.ToString("N0"), term.Accuracy.ToString("P1"));
            AnsiConsole.Write(table);
            Console.WriteLine($"blimp: step={model.Step} pairs={report.Pairs} paradigms={report.Paradigms} mean_over_paradigms={report.MeanOverParadigms:F4} " +
                              $"pair_accuracy={report.PairAccuracy:F4} ties={report.Ties} seconds={report.Seconds:F1} pairs_per_s={report.PairsPerSecond:F1}");
            Console.WriteLine($"report: {path}");
            return 0;
        }));
        return command;
    }
}
