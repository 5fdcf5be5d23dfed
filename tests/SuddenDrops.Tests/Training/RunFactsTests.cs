using SuddenDrops.Tests.Notebooks;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

/// <summary>Where a run's facts find the commit of the code that trained it.</summary>
public class RunFactsTests
{
    [Fact]
    public void The_library_carries_the_commit_it_was_built_from()
    {
        // The tests build the library from this checkout, so the commit baked into it is the checkout's HEAD.
        var head = ExternalProcess.Run("git", ["rev-parse", "HEAD"], RepositoryLayout.Root, TimeSpan.FromSeconds(30));
        Assert.True(head.ExitCode == 0, head.Describe());
        Assert.Equal(head.Output.Trim(), RunFacts.BuildCommit());
    }

    [Fact]
    public void They_name_the_cpu_its_bf16_support_and_libtorchs_threads()
    {
        var facts = RunFacts.Collect(3, "cpu");
        Assert.False(string.IsNullOrWhiteSpace(facts.Cpu));
        Assert.Equal(SuddenDrops.Model.CpuRuntime.HasBf16Matmul, facts.CpuBf16Matmul);
        Assert.InRange(facts.Threads ?? 0, 1, Environment.ProcessorCount);
        var json = System.Text.Json.JsonSerializer.Serialize(facts, JsonFiles.Options);
        Assert.Contains($"\"threads\": {facts.Threads}", json);
        Assert.Contains("\"cpuBf16Matmul\"", json);
    }
}
