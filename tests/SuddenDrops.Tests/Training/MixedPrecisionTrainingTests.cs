using SuddenDrops.Experiments;
using SuddenDrops.Model;
using SuddenDrops.Training;
using Xunit.Abstractions;

namespace SuddenDrops.Tests.Training;

/// <summary>bf16 through the whole training stack: config, trainer, benchmark; all on the CPU.</summary>
public class MixedPrecisionTrainingTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempFolder temp = new("sdrops-bf16-");

    public void Dispose() => temp.Dispose();

    private static TrainingConfig Config(Precision precision) => new(
        Preset: "test",
        Model: new BertConfig(VocabSize: 160, Layers: 2, Hidden: 32, Heads: 2, Intermediate: 64, MaxPositions: 32),
        Corpus: new CorpusConfig(["synthetic"]),
        SequenceLength: 24,
        BatchSize: 8,
        Steps: 60,
        Optimizer: new OptimizerConfig(LearningRate: 1e-2, WarmupSteps: 5),
        Masking: new MaskingConfig(),
        Checkpoints: new CheckpointSchedule(DenseEvery: 30, DenseUntil: 60, SparseEvery: 30),
        EvalBatches: 2,
        Seed: 5,
        Threads: 1,
        LogEvery: 5,
        Precision: precision);

    [Fact]
    public void A_bf16_run_tracks_the_fp32_loss_curve()
    {
        var corpus = SyntheticCorpus.NoisyCycle();
        var runs = new Dictionary<Precision, RunFolder>();
        foreach (var precision in new[] { Precision.Fp32, Precision.Bf16 })
        {
            runs[precision] = new RunFolder(Path.Combine(temp.Path, precision.ToString()));
            new Trainer(Config(precision), corpus, SpecialPieces.BertBaseUncased, runs[precision]).Run(resume: false);
        }
        var fp32 = new MetricsLog(runs[Precision.Fp32].TrainLogPath).Numbers("train_loss");
        var bf16 = new MetricsLog(runs[Precision.Bf16].TrainLogPath).Numbers("train_loss");
        Assert.Equal(12, fp32.Length);
        Assert.Equal(fp32.Length, bf16.Length);
        log.WriteLine("step  fp32    bf16");
        for (int i = 0; i < fp32.Length; i++) log.WriteLine($"{5 * (i + 1),4}  {fp32[i]:F4}  {bf16[i]:F4}");

        // same data, same init, same dropout: the curves differ only by bf16 rounding, which compounds over steps
        // (measured: at most 0.07 % apart over these 60 steps; the bound is 1 %)
        Assert.NotEqual(fp32[^1], bf16[^1]); // bf16 really ran
        for (int i = 0; i < fp32.Length; i++)
            Assert.True(Math.Abs(fp32[i] - bf16[i]) < 0.01 * fp32[i], $"mean loss over steps {5 * i + 1}..{5 * i + 5}: fp32 {fp32[i]:F4}, bf16 {bf16[i]:F4}");
        Assert.True(bf16[^1] < bf16[0] - 1.0, $"bf16 loss {bf16[0]:F3} → {bf16[^1]:F3}");

        var evalFp32 = new MetricsLog(runs[Precision.Fp32].MetricsPath).Numbers("eval_loss");
        var evalBf16 = new MetricsLog(runs[Precision.Bf16].MetricsPath).Numbers("eval_loss");
        log.WriteLine($"eval loss at steps 0, 30, 60: fp32 {string.Join(", ", evalFp32.Select(v => v.ToString("F4")))}; bf16 {string.Join(", ", evalBf16.Select(v => v.ToString("F4")))}");
        for (int i = 0; i < evalFp32.Length; i++) Assert.True(Math.Abs(evalFp32[i] - evalBf16[i]) < 0.01 * evalFp32[i]);

        Assert.Equal(Precision.Bf16, runs[Precision.Bf16].LoadConfig().Precision);
        Assert.Contains("\"precision\": \"bf16\"", File.ReadAllText(runs[Precision.Bf16].ConfigPath));
    }

    [Fact]
    public void A_config_written_before_precision_existed_reads_back_as_fp32_and_writes_the_same_json_otherwise()
    {
        // a real config.json of the GPU runs of 2026-11-26 (no "precision" key)
        var path = Path.Combine(CommittedRuns.GpuRun("r2-lr7e-4-b64"), "config.json");
        var text = File.ReadAllText(path);
        Assert.DoesNotContain("precision", text);
        var config = JsonFiles.Load<TrainingConfig>(path);
        Assert.Equal(Precision.Fp32, config.Precision);
        var again = System.Text.Json.JsonSerializer.Serialize(config, JsonFiles.Options);
        Assert.Contains("\"precision\": \"fp32\"", again);
        var asBf16 = again.Replace("\"precision\": \"fp32\"", "\"precision\": \"bf16\"");
        var roundTrip = System.Text.Json.JsonSerializer.Deserialize<TrainingConfig>(asBf16, JsonFiles.Options)!;
        Assert.Equal(Precision.Bf16, roundTrip.Precision);
        Assert.Equal(asBf16, System.Text.Json.JsonSerializer.Serialize(roundTrip, JsonFiles.Options));
    }

    [Fact]
    public void The_benchmark_runs_bf16_on_the_cpu_and_names_its_mode()
    {
        var config = Config(Precision.Bf16) with { BatchSize = 4, SequenceLength = 16 };
        var r = TrainingBenchmark.Run(config, steps: 2, warmup: 1, withAttentions: true);
        Assert.Equal("bf16-attn", r.Mode);
        Assert.Equal(Precision.Bf16, r.Precision);
        Assert.False(r.Tf32); // TF32 is a CUDA matter
        Assert.Equal(64, r.TokensPerSecond * r.MillisecondsPerStep / 1000, 6);
        Assert.Equal("fp32", TrainingBenchmark.ModeName(Precision.Fp32, tf32: false, withAttentions: false));
        Assert.Equal("tf32", TrainingBenchmark.ModeName(Precision.Fp32, tf32: true, withAttentions: false));
        Assert.Equal("fp32-attn", TrainingBenchmark.ModeName(Precision.Fp32, tf32: false, withAttentions: true));
    }

    [Fact]
    public void The_benchmark_batch_masks_only_non_special_pieces_and_has_no_padding()
    {
        var config = Config(Precision.Fp32) with { BatchSize = 16, SequenceLength = 32 };
        using var batch = TrainingBenchmark.RandomBatch(config);
        Assert.False(batch.HasPadding);
        var input = batch.InputIds.data<long>().ToArray();
        var targets = batch.TargetIds.data<long>().ToArray();
        Assert.All(targets, t => Assert.InRange(t, 5, config.Model.VocabSize - 1));
        Assert.All(input, t => Assert.InRange(t, 4, config.Model.VocabSize - 1)); // 4 = [MASK]
        Assert.InRange(targets.Length / (double)input.Length, 0.10, 0.20);
    }

    [Fact]
    public void With_the_fast_kernels_bf16_tracks_fp32_and_resumes_exactly()
    {
        var corpus = SyntheticCorpus.NoisyCycle();
        TrainingConfig Fast(Precision precision) => Config(precision) with { Kernels = Kernels.Fast };
        var runs = new Dictionary<Precision, RunFolder>();
        foreach (var precision in new[] { Precision.Fp32, Precision.Bf16 })
        {
            runs[precision] = new RunFolder(Path.Combine(temp.Path, "fast-" + precision));
            new Trainer(Fast(precision), corpus, SpecialPieces.BertBaseUncased, runs[precision]).Run(resume: false);
        }
        var fp32 = new MetricsLog(runs[Precision.Fp32].TrainLogPath).Numbers("train_loss");
        var bf16 = new MetricsLog(runs[Precision.Bf16].TrainLogPath).Numbers("train_loss");
        for (int i = 0; i < fp32.Length; i++)
            Assert.True(Math.Abs(fp32[i] - bf16[i]) < 0.01 * fp32[i], $"mean loss over steps {5 * i + 1}..{5 * i + 5}: fp32 {fp32[i]:F4}, bf16 {bf16[i]:F4}");
        Assert.True(bf16[^1] < bf16[0] - 1.0, $"bf16 loss {bf16[0]:F3} → {bf16[^1]:F3}");
        Assert.Contains("\"kernels\": \"fast\"", File.ReadAllText(runs[Precision.Bf16].ConfigPath));

        // stopped at step 20 and resumed: the same run as the uninterrupted one
        var interrupted = new RunFolder(Path.Combine(temp.Path, "fast-bf16-resumed"));
        using (var cts = new CancellationTokenSource())
        {
            var first = new Trainer(Fast(Precision.Bf16), corpus, SpecialPieces.BertBaseUncased, interrupted);
            first.Progress += p => { if (p.Step == 20) cts.Cancel(); };
            first.Run(resume: false, cts.Token);
        }
        new Trainer(Fast(Precision.Bf16), corpus, SpecialPieces.BertBaseUncased, interrupted).Run(resume: true);
        Assert.Equal(bf16, new MetricsLog(interrupted.TrainLogPath).Numbers("train_loss"));
        var straight = new MetricsLog(runs[Precision.Bf16].MetricsPath);
        var resumed = new MetricsLog(interrupted.MetricsPath);
        var resumedLoss = resumed.Numbers("step").Zip(resumed.Numbers("eval_loss")).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(new double[] { 0, 20, 30, 60 }, resumed.Numbers("step")); // plus the checkpoint written when it was stopped
        foreach (var (step, loss) in straight.Numbers("step").Zip(straight.Numbers("eval_loss")))
            Assert.Equal(loss, resumedLoss[step]);
    }

    [Fact]
    public void A_config_written_before_the_fast_kernels_reads_back_with_the_reference_kernels()
    {
        // a committed CPU run of 2026-11 (no "kernels" key): it resumes with the dropout and attention it was trained with
        var path = Path.Combine(CommittedRuns.CpuTiny, "config.json");
        var text = File.ReadAllText(path);
        Assert.DoesNotContain("kernels", text);
        Assert.Equal(Kernels.Reference, JsonFiles.Load<TrainingConfig>(path).Kernels);
        Assert.Equal(Kernels.Fast, Presets.Tiny.Kernels);
        Assert.Equal(Kernels.Fast, Presets.Small.Kernels);
    }

    [Fact]
    public void Auto_precision_is_bf16_exactly_on_cpus_that_multiply_bf16_natively()
    {
        var flags = CpuRuntime.CpuFlags();
        bool native = flags.Contains("avx512_bf16") || flags.Contains("amx_bf16");
        Assert.Equal(native, CpuRuntime.HasBf16Matmul);
        Assert.Equal(native ? Precision.Bf16 : Precision.Fp32, PrecisionChoice.Auto("cpu"));
        Assert.Equal(native ? Precision.Bf16 : Precision.Fp32, PrecisionChoice.Parse(null, "cpu"));
        Assert.Equal(Precision.Fp32, PrecisionChoice.Parse("fp32", "cpu"));
        Assert.Equal(Precision.Bf16, PrecisionChoice.Parse("BF16", "cpu"));
        Assert.Throws<ArgumentException>(() => PrecisionChoice.Parse("fp16", "cpu"));
    }
}
