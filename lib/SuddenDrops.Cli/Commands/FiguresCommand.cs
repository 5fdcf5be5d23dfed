using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using SuddenDrops.Analysis;
using SuddenDrops.Data;
using SuddenDrops.Figures;
using SuddenDrops.Metrics;
using SuddenDrops.Runs;
using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops figures</c>: the notebooks' figures as files (self-contained HTML and PNG), without a notebook.</summary>
internal static class FiguresCommand
{
    /// <summary>Sentences of EWT dev scored to choose the best head for the attention figure.</summary>
    private const int HeadSelectionSentences = 500;

    public static Command Create()
    {
        var runs = new Option<string>("--runs") { Description = "A folder of run folders (or one run folder) with metrics.csv.", Required = true };
        var output = new Option<string?>("--out") { Description = "Where to write the figures (default: <runs>/figures)." };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Also draw a dependency tree and the best head's attention for this run folder or checkpoint." };
        var noPng = new Option<bool>("--no-png") { Description = "Write only the HTML files (no headless Chromium needed)." };
        var data = SharedOptions.DataRoot();
        var baseRuns = new Option<string?>("--base-runs")
        {
            Description = "Also draw the base runs of this folder of runs (e.g. --runs data/runs/tiny-sas-l0.001 --base-runs data/runs/tiny-sas: its variants beside base).",
        };
        var command = new Command("figures", "Write the two-stage, simplicity-dip, SAS-variant and early-suppression figures of a set of runs as HTML and PNG.");
        foreach (var option in new Option[] { runs, output, checkpoint, noPng, data, baseRuns }) command.Options.Add(option);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var clock = Stopwatch.StartNew();
            var runFolder = parse.GetValue(runs)!;
            if (!Directory.Exists(runFolder)) throw new DirectoryNotFoundException($"--runs {runFolder}: no such folder.");
            var set = RunSet.Load(runFolder);
            if (parse.GetValue(baseRuns) is { } baseFolder)
            {
                if (!Directory.Exists(baseFolder)) throw new DirectoryNotFoundException($"--base-runs {baseFolder}: no such folder.");
                set = RunSet.Of([.. RunSet.Load(baseFolder).OfVariant(SasVariant.Baseline), .. set.Runs.Where(r => r.SasVariant != SasVariant.Baseline)]);
            }
            var outputFolder = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(runFolder, "figures"));
            var png = !parse.GetValue(noPng);
            AnsiConsole.MarkupLine($"{set.Count} run(s) in {Markup.Escape(set.Folder == "" ? runFolder : set.Folder)}: {Markup.Escape(string.Join(", ", set.Runs.Select(r => r.Name)))}");
            var figures = FigureExport.SaveRunFigures(set, outputFolder, png).ToList();
            if (parse.GetValue(checkpoint) is { } path)
                figures.AddRange(CheckpointFigures(path, parse.GetValue(data), outputFolder, png));
            foreach (var figure in figures)
                AnsiConsole.MarkupLine(figure.Saved is { } saved
                    ? $"[green]wrote[/] {Markup.Escape(saved.HtmlPath)}{(saved.PngPath is null ? "" : " + .png")}"
                    : $"[yellow]skipped[/] {figure.Name}: {Markup.Escape(figure.SkippedBecause ?? "")}");
            AnsiConsole.MarkupLine($"{figures.Count(f => f.WasSaved)} figure(s) in {clock.Elapsed.TotalSeconds:F1} s");
            return figures.Any(f => f.WasSaved) ? 0 : 1;
        }));
        return command;
    }

    private static IReadOnlyList<ExportedFigure> CheckpointFigures(string checkpoint, string? dataRoot, string outputFolder, bool png)
    {
        using var model = TrainedModel.Load(checkpoint);
        var treebank = Path.Combine(DataRoot.Resolve(dataRoot).Path, "ud", "en_ewt-ud-dev.conllu");
        var sentences = ConlluReader.Read(treebank).ToList();
        var evaluation = new ImplicitParseEvaluation(sentences.Take(HeadSelectionSentences), WordPieceEncoder.Load(model.VocabPath),
            Math.Min(128, model.Config.SequenceLength));
        var report = evaluation.Evaluate(model.Model, model.Device);
        AnsiConsole.MarkupLine($"checkpoint step {model.Step}: best head {HeadLabel.Of(report.Headline.Layer, report.Headline.Head, report.Headline.Direction)}, " +
                               $"UAS {report.Headline.Uas:F3} on {report.SentencesUsed} EWT dev sentences");
        return FigureExport.SaveCheckpointFigures(model, ExampleSentence.Pick(sentences), report, outputFolder, png);
    }
}
