using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary>
/// <c>sdrops bench</c>: training throughput of a preset on a device (a benchmark, not a test). Prints a table and one
/// JSON line (the keys of bench/hf_bench.py) that bench/compare.sh reads.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The vocabulary of bert-base-uncased, used with <c>--vocab 0</c>.</summary>
    private const int FullVocabulary = 30522;

    public static Command Create()
    {
        var options = new TrainingOptions();
        var steps = new Option<int>("--bench-steps") { Description = "Timed steps (after 3 warm-up steps).", DefaultValueFactory = _ => 20 };
        var attentions = new Option<bool>("--with-attentions") { Description = "Also materialise the attention probabilities (what UAS and the regulariser need)." };
        var noTf32 = new Option<bool>("--no-tf32") { Description = "On CUDA, keep fp32 matmuls in strict fp32 (TF32 tensor cores are on otherwise)." };
        var variant = new Option<string?>("--variant") { Description = "Time L_MLM + λ·R of this regulariser variant (sas+, sas-) on the labelled share of the rows." };
        var regularizer = new RegularizerOptions();
        var command = new Command("bench", "Measure training tokens/s of a preset's model on random batches (vocabulary: the preset's; --vocab N for N pieces, 0 for 30,522).");
        options.AddTo(command);
        command.Options.Add(steps);
        command.Options.Add(attentions);
        command.Options.Add(noTf32);
        command.Options.Add(variant);
        regularizer.AddTo(command);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var config = options.Build(parse);
            int vocab = parse.GetValue(options.Vocab) switch
            {
                null => config.Model.VocabSize,
                0 => FullVocabulary,
                int n => n,
            };
            config = config with { Model = config.Model with { VocabSize = vocab } };
            if (parse.GetValue(variant) is string name) config = (config with { Regularizer = regularizer.For(SuddenDrops.Training.SasVariant.Parse(name), parse) }).Validate();
            var r = TrainingBenchmark.Run(config, parse.GetValue(steps), withAttentions: parse.GetValue(attentions), allowTf32: !parse.GetValue(noTf32));
            var table = new Table().AddColumns("preset", "device", "mode", "model", "vocab", "T × B", "ms/step", "tokens/s", "params");
            table.AddRow(r.Preset, r.Device, r.Mode, $"{r.Layers}×{r.Hidden}×{r.Heads}", r.VocabSize.ToString(), $"{r.SequenceLength} × {r.BatchSize}",
                r.MillisecondsPerStep.ToString("F1"), r.TokensPerSecond.ToString("N0"), r.Parameters.ToString("N0"));
            AnsiConsole.Write(table);
            Console.WriteLine(JsonSerializer.Serialize(r, new JsonSerializerOptions(JsonFiles.Options) { WriteIndented = false }));
            return 0;
        }));
        return command;
    }
}
