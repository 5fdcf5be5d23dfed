using System.CommandLine;
using SuddenDrops.Training;
using static TorchSharp.torch;

namespace SuddenDrops.Cli.Commands;

/// <summary>The options shared by commands that evaluate a checkpoint (blimp, twonn, glue, uas, attention).</summary>
internal sealed class EvaluationOptions
{
    public Option<string> Checkpoint { get; } = new("--checkpoint")
    {
        Description = "A run folder (its latest checkpoint), a checkpoints/step-N folder or its model.bin.",
        Required = true,
    };
    public Option<string?> Data { get; } = SharedOptions.DataRoot();
    public Option<string> Device { get; } = new("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
    public Option<int?> Threads { get; } = new("--threads") { Description = "CPU threads for libtorch (default: all cores)." };
    public Option<string?> Precision { get; } = new("--precision")
    {
        Description = "auto (default), fp32 or bf16: the arithmetic of the evaluation's matmuls (auto: bf16 on CPUs with AVX512-BF16 or AMX; bench/RESULTS.md gives how far the two agree).",
    };
    public Option<string?> Out { get; } = new("--out") { Description = "JSON report (default: <run>/evals/<command>-step-N.json)." };

    /// <param name="withOut">Whether to add <see cref="Out"/> (false for commands whose report path has its own option).</param>
    public void AddTo(Command command, bool withOut = true)
    {
        foreach (var o in new Option[] { Checkpoint, Data, Device, Threads, Precision }) command.Options.Add(o);
        if (withOut) command.Options.Add(Out);
    }

    /// <summary>Applies --threads, then loads the checkpoint on --device.</summary>
    public TrainedModel Load(ParseResult parse)
    {
        if (parse.GetValue(Threads) is int threads and > 0) set_num_threads(threads);
        var device = parse.GetValue(Device)!;
        return TrainedModel.Load(parse.GetValue(Checkpoint)!, device, Model.PrecisionChoice.Parse(parse.GetValue(Precision), device));
    }

    /// <summary>--out, or <c>&lt;run&gt;/evals/&lt;kind&gt;-step-NNNNNNN.json</c> (<see cref="RunFolder.EvalPath"/>).</summary>
    public string ReportPath(ParseResult parse, TrainedModel model, string kind) =>
        parse.GetValue(Out) ?? model.Run.EvalPath(kind, model.Step);
}
