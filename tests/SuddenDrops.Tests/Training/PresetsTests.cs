using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

/// <summary>
/// The named presets: each validates and names itself, and the CPU's second scale (<c>small-cpu</c>) trains for a few
/// steps with its own model, rows and probes on a small corpus.
/// </summary>
public sealed class PresetsTests
{
    [Fact]
    public void Every_named_preset_validates_and_carries_its_own_name()
    {
        foreach (var name in Presets.Names)
        {
            var config = Presets.Get(name).Validate();
            Assert.Equal(name, config.Preset);
            Assert.Same(Presets.Get(name), Presets.Get(name.ToUpperInvariant()));
        }
        Assert.Contains("small-cpu", Assert.Throws<ArgumentException>(() => Presets.Get("medium")).Message);
    }

    [Fact]
    public void Small_cpu_is_the_reference_model_on_rows_of_64_pieces_with_the_tiny_vocabulary()
    {
        var (cpu, reference) = (Presets.SmallCpu, Presets.Small);
        Assert.Equal(reference.Model with { VocabSize = cpu.Model.VocabSize }, cpu.Model); // 4 × 256 × 4, FFN 1,024
        Assert.Equal(Presets.Tiny.Model.VocabSize, cpu.Model.VocabSize);
        Assert.Equal(Presets.Tiny.Corpus.PrunedVocabulary, cpu.Corpus.PrunedVocabulary);
        Assert.Equal(reference.Corpus.Sources, cpu.Corpus.Sources);
        Assert.Equal(reference.Optimizer, cpu.Optimizer);
        Assert.Equal((64, 128), (cpu.SequenceLength, cpu.BatchSize));
        Assert.Equal(reference.TokensPerStep * reference.Steps, cpu.TokensPerStep * cpu.Steps); // the reference's 106M tokens
        Assert.Equal((400, 40, 20), (cpu.ProbeSettings.UasSentences, cpu.ProbeSettings.UasMaxWords, cpu.ProbeSettings.BlimpPerParadigm));
    }

    [Fact]
    public void Small_cpu_is_what_the_committed_second_scale_run_trained_with()
    {
        // The run was started before the preset existed, as `--preset small` with overrides; its label was changed to the
        // preset made from it when it was committed (data/runs/cpu-scale/README.md).
        var run = new RunFolder(CommittedRuns.SmallCpu).LoadConfig();
        var preset = Presets.SmallCpu;
        Assert.Equal(preset.Preset, run.Preset);
        Assert.Equal(preset.Model, run.Model);
        Assert.Equal(preset.Corpus.Sources, run.Corpus.Sources); // a list: the record compares it by reference
        Assert.Equal(preset.Corpus with { Sources = run.Corpus.Sources }, run.Corpus);
        Assert.Equal((preset.SequenceLength, preset.BatchSize, preset.Steps), (run.SequenceLength, run.BatchSize, run.Steps));
        Assert.Equal(preset.Optimizer, run.Optimizer);
        Assert.Equal(preset.Masking, run.Masking);
        Assert.Equal(preset.Checkpoints, run.Checkpoints);
        Assert.Equal((preset.ProbeSettings.UasSentences, preset.ProbeSettings.UasMaxWords, preset.ProbeSettings.BlimpPerParadigm),
            (run.ProbeSettings.UasSentences, run.ProbeSettings.UasMaxWords, run.ProbeSettings.BlimpPerParadigm));
        Assert.Null(run.Regularizer);
    }

    [Fact]
    public void Small_cpu_trains_a_few_steps_with_its_checkpoint_probes()
    {
        using var folder = new TempFolder();
        var corpus = EwtTextCorpus.Write(folder);
        var config = Presets.SmallCpu with
        {
            Corpus = new CorpusConfig([corpus], PrunedVocabulary: 1000, HeldOutEvery: 10),
            BatchSize = 4,
            Steps = 2,
            EvalBatches = 1,
            Checkpoints = new CheckpointSchedule(DenseEvery: 1, DenseUntil: 2, SparseEvery: 1),
            Probes = Presets.SmallCpu.ProbeSettings with { UasSentences = 20, BlimpPerParadigm = 1, TwoNNPoints = 60, SlowProbesEvery = 2 },
        };
        var job = TrainingJob.Prepare(config, folder.PathOf("run"), SharedData.Root, folder.PathOf("cache"));
        job.CreateTrainer(CheckpointProbes.Default(job)).Run(resume: false);

        var metrics = new MetricsLog(job.Run.MetricsPath);
        Assert.Equal([0.0, 1, 2], metrics.Numbers(MetricColumns.Step));
        Assert.All(metrics.Numbers(MetricColumns.EvalLoss), loss => Assert.True(double.IsFinite(loss) && loss > 0));
        Assert.All(metrics.Numbers(MetricColumns.Uas), uas => Assert.InRange(uas, 0, 1));
        Assert.True(double.IsFinite(metrics.Numbers(MetricColumns.Blimp)[^1])); // the slow probes ran at step 2
        Assert.Equal("small-cpu", job.Run.LoadConfig().Preset);
        Assert.Equal(4, job.Run.LoadConfig().Model.Layers);
    }
}
