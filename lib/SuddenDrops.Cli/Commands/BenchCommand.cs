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
        var phases = new Option<bool>("--phases") { Description = "Also time the step's phases one by one (batch, forward, loss, backward, clipping, optimizer)." };
        var roofline = new Option<bool>("--roofline") { Description = "Also measure libtorch's fp32 and bf16 matmul rates here (same threads) and the step's achieved model FLOP/s against them." };
        var regularizer = new RegularizerOptions();
        var command = new Command("bench", "Measure training tokens/s of a preset's model on random batches (vocabulary: the preset's; --vocab N for N pieces, 0 for 30,522).");
        options.AddTo(command);
        command.Options.Add(steps);
        command.Options.Add(attentions);
        command.Options.Add(noTf32);
        command.Options.Add(variant);
        command.Options.Add(phases);
        command.Options.Add(roofline);
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
            var json = new JsonSerializerOptions(JsonFiles.Options) { WriteIndented = false };
            var resultLine = JsonSerializer.Serialize(r, json);
            if (parse.GetValue(phases))
            {
                var p = TrainingBenchmark.Phases(config, parse.GetValue(steps));
                var phaseTable = new Table().AddColumns("phase", "ms/step", "share");
                foreach (var (phase, ms) in new[] { ("batch + masking", p.Batch), ("forward", p.Forward), ("loss", p.Loss), ("backward", p.Backward), ("clipping", p.Clip), ("AdamW", p.Optimizer) })
                    phaseTable.AddRow(phase, ms.ToString("F1"), (ms / p.Total).ToString("P0"));
                AnsiConsole.Write(phaseTable);
                Console.WriteLine(JsonSerializer.Serialize(new { phases = p, total = p.Total }, json));
            }
            if (parse.GetValue(roofline))
            {
                var rates = MatmulRoofline.Measure(config.Threads);
                var rateTable = new Table().AddColumns("M × K × N", "dtype", "ms", "GFLOP/s");
                foreach (var rate in rates) rateTable.AddRow($"{rate.M} × {rate.K} × {rate.N}", rate.DType, rate.Milliseconds.ToString("F2"), rate.GflopsPerSecond.ToString("F0"));
                AnsiConsole.Write(rateTable);
                double flops = ModelFlops.PerStep(config);
                double achieved = flops / (r.MillisecondsPerStep / 1000) / 1e9;
                Console.WriteLine($"model matmul work {flops / 1e9:F2} GFLOP/step; achieved {achieved:F0} GFLOP/s");
                Console.WriteLine(JsonSerializer.Serialize(new { rates, stepGflop = flops / 1e9, achievedGflopsPerSecond = achieved }, json));
            }
            Console.WriteLine(resultLine); // last, the one line bench/compare.sh and bench/cpu/speedup.sh read
            return 0;
        }));
        return command;
    }
}
