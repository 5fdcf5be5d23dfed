using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using SuddenDrops.Data;
using SuddenDrops.Metrics;
using SuddenDrops.Text;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops uas</c> and <c>sdrops attention</c>: the implicit-parse probe of a checkpoint on a treebank.</summary>
internal static class UasCommand
{
    /// <summary>The checkpoint options of <see cref="EvaluationOptions"/> (its own --out aside: each command here has its own) and the treebank's.</summary>
    private sealed class ProbeOptions
    {
        public EvaluationOptions Evaluation { get; } = new();
        public Option<string?> Treebank { get; } = new("--treebank") { Description = "CoNLL-U file (default: UD EWT dev under the data root)." };
        public Option<int?> MaxSentences { get; } = new("--max-sentences") { Description = "Use only the first N sentences." };
        public Option<int?> MaxPieces { get; } = new("--max-pieces") { Description = "Skip sentences longer than this many pieces, [CLS]/[SEP] included (default: min(128, the run's sequence length))." };

        public void AddTo(Command c)
        {
            Evaluation.AddTo(c, withOut: false);
            foreach (var o in new Option[] { Treebank, MaxSentences, MaxPieces }) c.Options.Add(o);
        }

        public (TrainedModel Model, ImplicitParseEvaluation Evaluation, string Treebank) Load(ParseResult parse)
        {
            var model = Evaluation.Load(parse);
            var treebank = parse.GetValue(Treebank) ?? Path.Combine(DataRoot.Resolve(parse.GetValue(Evaluation.Data)).Path, "ud", "en_ewt-ud-dev.conllu");
            if (!File.Exists(treebank)) throw new FileNotFoundException($"Treebank {treebank} does not exist.");
            var sentences = ConlluReader.Read(treebank);
            if (parse.GetValue(MaxSentences) is int n) sentences = sentences.Take(n);
            int maxPieces = parse.GetValue(MaxPieces) ?? Math.Min(128, model.Config.SequenceLength);
            var encoder = WordPieceEncoder.Load(model.VocabPath);
            return (model, new ImplicitParseEvaluation(sentences, encoder, maxPieces), treebank);
        }
    }

    public static Command CreateUas()
    {
        var options = new ProbeOptions();
        var output = new Option<string?>("--out") { Description = "JSON report path (default: <run>/uas-step-N-<treebank>.json)." };
        var command = new Command("uas", "Implicit-parse UAS of every attention head of a checkpoint (best head, per relation, offsets).");
        options.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var clock = Stopwatch.StartNew();
            var (trained, evaluation, treebank) = options.Load(parse);
            using var _ = trained;
            var report = evaluation.Evaluate(trained.Model, trained.Device);
            var seconds = clock.Elapsed.TotalSeconds;
            var path = parse.GetValue(output) ?? trained.Run.UasReportPath(trained.Step, treebank);
            report.Save(path);
            var h = report.Headline;
            AnsiConsole.MarkupLine($"[bold]UAS {h.Uas:F4}[/] (non-root {h.UasNonRoot:F4}) — head {HeadLabel.Of(h.Layer, h.Head, h.Direction)}; continuous {h.Continuous:F4}");
            AnsiConsole.MarkupLine($"best offset baseline {report.BestOffset.Offset:+0;-0}: {report.BestOffset.Uas:F4}; {report.SentencesUsed:N0} sentences, {report.Words:N0} words, {report.SentencesSkipped} skipped (too long); {seconds:F1} s");
            var table = new Table().AddColumns("relation", "words", "best head", "UAS");
            foreach (var r in report.PerRelation.Where(r => r.WithSubtype).Take(12))
                table.AddRow(r.Relation, r.Words.ToString("N0"), HeadLabel.Of(r.Layer, r.Head, r.Direction), r.Uas.ToString("F3"));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"Report: {Markup.Escape(path)}");
            return 0;
        }));
        return command;
    }

    public static Command CreateAttention()
    {
        var options = new ProbeOptions();
        var output = new Option<string>("--out") { Description = "JSON-lines file to write.", Required = true };
        var command = new Command("attention", "Dump word-level attention maps [layer][head][i][j] with gold trees, one sentence per line (format: README, \"Formats\").");
        options.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var (trained, evaluation, _) = options.Load(parse);
            using var __ = trained;
            var path = parse.GetValue(output)!;
            int count = 0;
            AtomicFile.Write(path, tmp =>
            {
                using var writer = new StreamWriter(tmp);
                var dump = new AttentionDump(writer);
                foreach (var (sentence, attention) in evaluation.WordAttentions(trained.Model, trained.Device))
                {
                    dump.Write(sentence, attention);
                    count++;
                }
            });
            AnsiConsole.MarkupLine($"{count:N0} sentences ({evaluation.SkippedCount} skipped as too long) → {Markup.Escape(path)}");
            return 0;
        }));
        return command;
    }
}
