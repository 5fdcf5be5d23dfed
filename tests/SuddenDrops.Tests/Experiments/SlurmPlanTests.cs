using SuddenDrops.Experiments;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Experiments;

/// <summary>The Slurm plan of a sweep: one array task per run, each SAS−(k) run submitted after its seed's SAS− task.</summary>
public class SlurmPlanTests : IDisposable
{
    private readonly TempFolder temp = new("sdrops-slurm-");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_array_holds_every_run_but_the_forks_and_each_fork_waits_for_its_sas_minus_task()
    {
        var variants = new[] { "base", "sas+", "sas-", "sas-@800", "sas-@2700" }.Select(SasVariant.Parse).ToList();
        var runs = Sweep.Plan(Presets.Tiny, variants, [0, 1, 2], RegularizerConfig.OnTrainingRows(SasVariant.Baseline, 0.1), temp.Path);
        const string command = "sdrops sweep --preset tiny --silver --variants base,sas+,sas-,sas-@800,sas-@2700 --seeds 0,1,2 --lambda 0.1 --threads 1";
        var written = SlurmPlan.Write(runs, temp.Path, command, cpusPerTask: 1, partition: "cpu", time: "12:00:00", workingDirectory: "/home/lab/project");
        Assert.Equal([Path.Combine(temp.Path, "slurm", "array.sbatch"), Path.Combine(temp.Path, "slurm", "submit.sh")], written);

        var array = File.ReadAllLines(written[0]);
        Assert.Equal("#!/bin/bash", array[0]);
        Assert.Contains("#SBATCH --array=0-8", array);
        Assert.Contains("#SBATCH --cpus-per-task=1", array);
        Assert.Contains("#SBATCH --partition=cpu", array);
        Assert.Contains("#SBATCH --time=12:00:00", array);
        Assert.Contains("#SBATCH --chdir=/home/lab/project", array);
        Assert.Contains("RUNS=(base-s0 base-s1 base-s2 sas+-s0 sas+-s1 sas+-s2 sas--s0 sas--s1 sas--s2)", array);
        Assert.Contains(command + " --run \"${RUNS[$SLURM_ARRAY_TASK_ID]}\"", array);

        var submit = File.ReadAllLines(written[1]);
        Assert.Contains($"ARRAY=$(sbatch --parsable {written[0]})", submit);
        var forks = submit.Where(l => l.StartsWith("sbatch --parsable --job-name=sdrops-sas-@", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, forks.Count);
        // sas--s0, sas--s1, sas--s2 are array tasks 6, 7, 8
        foreach (var (k, seed) in new[] { (800, 0), (800, 1), (800, 2), (2700, 0), (2700, 1), (2700, 2) })
        {
            var line = Assert.Single(forks, l => l.Contains($"--job-name=sdrops-sas-@{k}-s{seed} "));
            Assert.Contains($"--chdir=/home/lab/project --dependency=afterok:${{ARRAY}}_{6 + seed}", line);
            Assert.EndsWith($"--wrap=\"{command} --run sas-@{k}-s{seed}\"", line);
        }
    }

    [Fact]
    public void A_release_without_its_sas_minus_run_in_the_sweep_is_an_ordinary_array_task()
    {
        var runs = Sweep.Plan(Presets.Tiny, [SasVariant.Baseline, SasVariant.Parse("sas-@800")], [0], new RegularizerConfig(SasVariant.Baseline), temp.Path);
        Assert.Equal(["base-s0", "sas-@800-s0"], SlurmPlan.ArrayRuns(runs).Select(r => r.Name));
        Assert.Empty(SlurmPlan.ForkJobs(runs));
    }
}
