using SuddenDrops.Experiments;
using SuddenDrops.Metrics;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Experiments;

public class CheckpointProbesTests
{
    [Fact]
    public void A_run_writes_uas_blimp_and_twonn_columns_at_every_checkpoint()
    {
        using var folder = new TempFolder();
        var corpus = EwtTextCorpus.Write(folder); // EWT train sentences, one paragraph per 8 sentences
        var config = QuarterTiny.Config(corpus, steps: 2, new ProbeConfig(UasSentences: 10, BlimpPerParadigm: 1, TwoNNPoints: 60), vocabulary: 400, sequenceLength: 32)
            with { Checkpoints = new CheckpointSchedule(DenseEvery: 2, DenseUntil: 2, SparseEvery: 2) };
        var job = TrainingJob.Prepare(config, folder.PathOf("run"), SharedData.Root, folder.PathOf("cache"));
        var probes = CheckpointProbes.Default(job);
        Assert.Equal([typeof(UasProbe), typeof(TwoNNProbe), typeof(BlimpProbe)], probes.Select(p => p.GetType()));

        job.CreateTrainer(probes).Run(resume: false);

        var metrics = new MetricsLog(job.Run.MetricsPath);
        Assert.Equal([0.0, 2.0], metrics.Numbers("step"));
        foreach (var column in new[] { "uas", "blimp", "blimp_morphology", "blimp_syntax", "blimp_semantics", "blimp_syntax_semantics",
                     "id_L0", "id_L2", "id_cos_L1", "id_cls_L1", "id_cls_cos_L2" })
            Assert.All(metrics.Numbers(column), v => Assert.True(double.IsFinite(v) && v > 0, $"{column} = {v}"));
        Assert.DoesNotContain("id_cls_L0", metrics.Columns);
    }

    [Fact]
    public void Older_configs_without_the_new_probe_fields_read_with_the_defaults()
    {
        using var folder = new TempFolder();
        var path = folder.Write("probes.json", """{ "uasSentences": 400, "uasMaxWords": 40 }""");
        var probes = JsonFiles.Load<ProbeConfig>(path);
        Assert.Equal(new ProbeConfig(400, 40, BlimpPerParadigm: 5, TwoNNPoints: 2000), probes);
        Assert.Equal(20, Presets.Small.ProbeSettings.BlimpPerParadigm);
    }
}
