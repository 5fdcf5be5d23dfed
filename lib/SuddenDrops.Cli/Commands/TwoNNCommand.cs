using System.CommandLine;
using Spectre.Console;
using SuddenDrops.Data;
using SuddenDrops.Experiments;
using SuddenDrops.Metrics;
using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops twonn</c>: TwoNN intrinsic dimension of a checkpoint's representations, layer by layer.</summary>
internal static class TwoNNCommand
{
    public static Command Create()
    {
        var options = new EvaluationOptions();
        var points = new Option<int>("--points") { Description = "N token positions (and [CLS] vectors of N sentences) from UD EWT dev.", DefaultValueFactory = _ => new ProbeConfig().TwoNNPoints };
        var command = new Command("twonn", "Estimate the intrinsic dimension (TwoNN) of each layer's representations of held-out sentences.");
        options.AddTo(command);
        command.Options.Add(points);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var root = DataRoot.Resolve(parse.GetValue(options.Data));
            var treebank = Path.Combine(root.Path, CheckpointProbes.EwtDev);
            using var model = options.Load(parse);
            var evaluation = new IntrinsicDimensionEvaluation(ConlluReader.Read(treebank).Select(s => s.Words), WordPieceEncoder.Load(model.VocabPath),
                model.Config.SequenceLength, parse.GetValue(points));
            var report = evaluation.Evaluate(model.Model, model.Device);
            var described = $"UD EWT dev: {report.TokenPoints:N0} token positions from {report.Sentences:N0} sentences of at most {model.Config.SequenceLength} pieces ({report.SentencesSkipped} longer skipped)";
            var path = options.ReportPath(parse, model, RunFolder.TwoNNEval);
            JsonFiles.Save(path, new CheckpointReport<IntrinsicDimensionReport>(model.CheckpointPath, model.Step, model.Device.ToString(), described, report));

            var table = new Table().AddColumns("layer", "tokens (Euclidean)", "tokens (cosine)", "[[CLS]] (Euclidean)", "[[CLS]] (cosine)");
            foreach (var l in report.Layers)
                table.AddRow(l.Layer == 0 ? "0 (embeddings)" : l.Layer.ToString(), l.TokenEuclidean.ToString("F2"), l.TokenCosine.ToString("F2"),
                    l.ClsEuclidean?.ToString("F2") ?? "–", l.ClsCosine?.ToString("F2") ?? "–");
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(model.CheckpointPath)} (step {model.Step:N0}): {Markup.Escape(described)}[/]");
            AnsiConsole.Write(table);
            Console.WriteLine($"twonn: step={model.Step} " + string.Join(" ", TwoNNProbe.Columns(report).Select(kv => $"{kv.Key}={kv.Value:F2}")) + $" seconds={report.Seconds:F1}");
            Console.WriteLine($"report: {path}");
            return 0;
        }));
        return command;
    }
}
