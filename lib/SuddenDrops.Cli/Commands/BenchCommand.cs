using System.CommandLine;
using Spectre.Console;
using SuddenDrops.Experiments;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops bench</c>: training throughput of a preset on a device (a benchmark, not a test).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var options = new TrainingOptions();
        var steps = new Option<int>("--bench-steps") { Description = "Timed steps (after 3 warm-up steps).", DefaultValueFactory = _ => 20 };
        var attentions = new Option<bool>("--with-attentions") { Description = "Also materialise the attention probabilities (what UAS and the regulariser need)." };
        var variant = new Option<string?>("--variant") { Description = "Time L_MLM + λ·R of this regulariser variant (sas+, sas-) on a quarter of the rows." };
        var regularizer = new RegularizerOptions();
        var command = new Command("bench", "Measure training tokens/s of a preset's model on random batches.");
        options.AddTo(command);
        command.Options.Add(steps);
        command.Options.Add(attentions);
        command.Options.Add(variant);
        regularizer.AddTo(command);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var config = options.Build(parse);
            if (parse.GetValue(options.Vocab) is null && config.Corpus.PrunedVocabulary is int v) config = config with { Model = config.Model with { VocabSize = v } };
            else if (config.Corpus.PrunedVocabulary is null) config = config with { Model = config.Model with { VocabSize = 30522 } };
            else config = config with { Model = config.Model with { VocabSize = config.Corpus.PrunedVocabulary.Value } };
            if (parse.GetValue(variant) is string name) config = (config with { Regularizer = regularizer.For(SuddenDrops.Training.SasVariant.Parse(name), parse) }).Validate();
            var r = TrainingBenchmark.Run(config, parse.GetValue(steps), withAttentions: parse.GetValue(attentions));
            var table = new Table().AddColumns("preset", "device", "model", "vocab", "T × B", "attn", "regulariser", "ms/step", "tokens/s", "params");
            table.AddRow(r.Preset, r.Device, $"{r.Layers}×{r.Hidden}×{r.Heads}", r.VocabSize.ToString(), $"{r.SequenceLength} × {r.BatchSize}",
                r.WithAttentions ? "yes" : "no", Markup.Escape(r.Regularizer), r.MillisecondsPerStep.ToString("F1"), r.TokensPerSecond.ToString("N0"), r.Parameters.ToString("N0"));
            AnsiConsole.Write(table);
            Console.WriteLine($"bench: preset={r.Preset} device={r.Device} attentions={r.WithAttentions} regularizer={r.Regularizer} ms_per_step={r.MillisecondsPerStep:F2} tokens_per_s={r.TokensPerSecond:F0}");
            return 0;
        }));
        return command;
    }
}
