using System.CommandLine;
using SuddenDrops.Training;

namespace SuddenDrops.Cli.Commands;

/// <summary>The options shared by commands that build a training configuration (train, bench, sweep): a preset plus overrides.</summary>
internal sealed class TrainingOptions
{
    public Option<string> Preset { get; } = new("--preset") { Description = $"Named configuration: {string.Join(", ", Presets.Names)}.", DefaultValueFactory = _ => "tiny" };
    public Option<string?> Device { get; } = new("--device") { Description = "cpu, cuda, cuda:N or auto (default: the preset's, cpu)." };
    public Option<int?> Steps { get; } = new("--steps") { Description = "Optimiser updates." };
    public Option<int?> BatchSize { get; } = new("--batch-size") { Description = "Sequences per batch." };
    public Option<int?> SequenceLength { get; } = new("--seq-len") { Description = "Pieces per sequence, [CLS] and [SEP] included." };
    public Option<double?> LearningRate { get; } = new("--lr") { Description = "Peak learning rate." };
    public Option<int?> Warmup { get; } = new("--warmup") { Description = "Linear warm-up steps." };
    public Option<string?> Decay { get; } = new("--decay") { Description = "After warm-up: linear (to 0 at the last step) or constant." };
    public Option<int?> Layers { get; } = new("--layers") { Description = "Transformer blocks." };
    public Option<int?> Hidden { get; } = new("--hidden") { Description = "Model width (feed-forward is 4x unless --ffn)." };
    public Option<int?> Heads { get; } = new("--heads") { Description = "Attention heads per block." };
    public Option<int?> Ffn { get; } = new("--ffn") { Description = "Feed-forward width." };
    public Option<double?> Dropout { get; } = new("--dropout") { Description = "Dropout probability (default 0.1; 0 makes runs on different devices comparable step by step)." };
    public Option<int?> Vocab { get; } = new("--vocab") { Description = "Prune the vocabulary to this many pieces (0: keep all 30,522)." };
    public Option<string?> Sources { get; } = new("--sources") { Description = "Comma-separated corpora: wikipedia, gutenberg, or paths to text files." };
    public Option<int?> Seed { get; } = new("--seed") { Description = "Random seed (model init, batch order, masking, dropout)." };
    public Option<int?> Threads { get; } = new("--threads") { Description = "CPU threads for libtorch (default: all cores)." };
    public Option<string?> Precision { get; } = new("--precision") { Description = "auto (default), fp32 or bf16: bf16 mixed precision of the matmuls, fp32 master weights, LayerNorm, softmax and loss; auto is bf16 on CPUs with AVX512-BF16 or AMX, fp32 elsewhere." };
    public Option<int?> CheckpointEvery { get; } = new("--checkpoint-every") { Description = "Evaluate and checkpoint every N steps through the whole run (default: the preset's dense-then-sparse schedule)." };
    public Option<int?> SlowProbesEvery { get; } = new("--slow-probes-every") { Description = "Run BLiMP and TwoNN only at checkpoints whose step is a multiple of N (UAS and the MLM loss run at every checkpoint)." };
    public Option<int?> BlimpPerParadigm { get; } = new("--blimp-per-paradigm") { Description = "BLiMP pairs per paradigm scored at each slow probe (67 paradigms; 0 turns BLiMP off)." };
    public Option<bool> Silver { get; } = new("--silver") { Description = "Train on the silver parses of the sources (built by `sdrops silver`): the same paragraphs, each row carrying its dependency edges; with --variant, the regulariser acts on those edges (λ per directed edge)." };
    public Option<string?> Kernels { get; } = new("--kernels") { Description = "fast (default) or reference: dropout and attention kernels (reference: those of runs made before 2026-12-06, to continue such a sweep)." };

    public IEnumerable<Option> All() =>
        [Preset, Device, Precision, Kernels, Steps, BatchSize, SequenceLength, LearningRate, Warmup, Decay, Layers, Hidden, Heads, Ffn, Dropout, Vocab, Sources, Seed, Threads, CheckpointEvery, SlowProbesEvery, BlimpPerParadigm, Silver];

    public void AddTo(Command command)
    {
        foreach (var o in All()) command.Options.Add(o);
    }

    /// <summary>The preset with every given override applied (the rules are <see cref="ConfigOverrides"/>').</summary>
    public TrainingConfig Build(ParseResult parse) => Overrides(parse).ApplyTo(Presets.Get(parse.GetValue(Preset)!));

    public ConfigOverrides Overrides(ParseResult parse) => new()
    {
        Steps = parse.GetValue(Steps),
        BatchSize = parse.GetValue(BatchSize),
        SequenceLength = parse.GetValue(SequenceLength),
        LearningRate = parse.GetValue(LearningRate),
        Warmup = parse.GetValue(Warmup),
        Decay = parse.GetValue(Decay) is string decay
            ? Enum.TryParse<LearningRateDecay>(decay, ignoreCase: true, out var d) ? d : throw new ArgumentException($"--decay must be linear or constant, got '{decay}'.")
            : null,
        Layers = parse.GetValue(Layers),
        Hidden = parse.GetValue(Hidden),
        Heads = parse.GetValue(Heads),
        Ffn = parse.GetValue(Ffn),
        Dropout = parse.GetValue(Dropout),
        Vocab = parse.GetValue(Vocab),
        Sources = parse.GetValue(Sources)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Seed = parse.GetValue(Seed),
        Threads = parse.GetValue(Threads),
        Device = parse.GetValue(Device),
        Precision = parse.GetValue(Precision),
        Kernels = parse.GetValue(Kernels) is string k ? ParseKernels(k) : null,
        CheckpointEvery = parse.GetValue(CheckpointEvery),
        SlowProbesEvery = parse.GetValue(SlowProbesEvery),
        BlimpPerParadigm = parse.GetValue(BlimpPerParadigm),
        Silver = parse.GetValue(Silver),
    };

    private static Model.Kernels ParseKernels(string value) =>
        Enum.TryParse<Model.Kernels>(value.Trim(), ignoreCase: true, out var k) ? k : throw new ArgumentException($"--kernels must be fast or reference, got '{value}'.");
}
