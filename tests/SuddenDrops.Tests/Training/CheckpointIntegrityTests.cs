using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

/// <summary>Checksummed checkpoints: a damaged file is named, and a resume falls back to the newest intact one.</summary>
public class CheckpointIntegrityTests
{
    [Fact]
    public void A_truncated_latest_checkpoint_is_named_and_resume_continues_from_the_one_before()
    {
        using var temp = new TempFolder("sd-ckpt-");
        var folder = temp.PathOf("run");
        var config = TrainerTests.Config(30);
        var corpus = SyntheticCorpus.NoisyCycle();
        var straight = new Trainer(config, corpus, SpecialPieces.BertBaseUncased, new RunFolder(folder)).Run(resume: false);
        var store = new CheckpointStore(new RunFolder(folder).CheckpointsDir);
        Assert.Equal([0L, 10, 20, 30], store.Steps());
        Assert.True(store.IsResumableAt(30) && store.IsResumableAt(20), "the latest two keep their optimizer state");
        Assert.False(store.IsResumableAt(10));
        Assert.NotNull(store.Verify(30).Checksums);

        var damagedFile = Path.Combine(store.PathFor(30), CheckpointStore.ModelFile);
        using (var file = new FileStream(damagedFile, FileMode.Open)) file.SetLength(file.Length / 2);
        var error = Assert.Throws<InvalidDataException>(() => store.Verify(30));
        Assert.Contains(damagedFile, error.Message);

        var skipped = new List<string>();
        Assert.Equal(20, store.LatestResumable(skipped.Add));
        Assert.Contains(damagedFile, Assert.Single(skipped));

        // --resume passes over the damaged step 30, redoes steps 20 → 30 and ends exactly where the run first did.
        var warnings = new List<string>();
        var trainer = new Trainer(config, corpus, SpecialPieces.BertBaseUncased, new RunFolder(folder));
        trainer.Warning += warnings.Add;
        var resumed = trainer.Run(resume: true);
        Assert.Contains(damagedFile, Assert.Single(warnings));
        Assert.Equal(20, resumed.StartStep);
        Assert.Equal(straight.FinalEvaluation!.Loss, resumed.FinalEvaluation!.Loss);
        Assert.Null(store.Problem(30)); // rewritten intact by the resumed run
    }
}
