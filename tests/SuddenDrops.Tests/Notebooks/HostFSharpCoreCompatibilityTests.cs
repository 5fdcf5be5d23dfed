namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// SuddenDrops.Notebooks.HostFSharpCore makes Plotly.NET (built against FSharp.Core 10.1) run on the notebook
/// hosts' FSharp.Core 10.0. That is only sound if every FSharp.Core type and member the Plotly.NET family
/// uses exists, with the same signature, in the hosts' copy: checked here on the metadata of the real dlls.
/// </summary>
public sealed class HostFSharpCoreCompatibilityTests
{
    /// <summary>Every assembly that runs on the host's FSharp.Core in a notebook.</summary>
    private static readonly string[] FSharpUsers =
        ["Plotly.NET.dll", "Plotly.NET.CSharp.dll", "DynamicObj.dll", "Giraffe.ViewEngine.dll", "Fable.Core.dll", "SuddenDrops.dll"];

    public static TheoryData<string> Hosts => new() { "dotnet-repl", "Microsoft.dotnet-interactive" };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Plotly_family_uses_only_FSharpCore_members_the_host_defines(string host)
    {
        var hostCore = Path.Combine(NotebookToolchain.ToolFolder(host), "FSharp.Core.dll");
        var defined = FSharpCoreReferences.DefinedBy(hostCore);

        var missing = FSharpUsers
            .SelectMany(dll => FSharpCoreReferences.UsedBy(Path.Combine(AppContext.BaseDirectory, dll)).Except(defined).Select(key => $"{dll}: {key}"))
            .ToList();

        Assert.True(missing.Count == 0, $"{hostCore} lacks:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    [Fact]
    public void Plotly_NET_really_uses_FSharpCore_types_and_members_the_check_can_see()
    {
        // The check above must not pass by finding nothing: Plotly.NET uses FSharp.Core heavily
        // (options, lists, functions), and each use has a key the FSharp.Core it was built against defines.
        var used = FSharpCoreReferences.UsedBy(Path.Combine(AppContext.BaseDirectory, "Plotly.NET.dll"));
        var buildCore = FSharpCoreReferences.DefinedBy(Path.Combine(AppContext.BaseDirectory, "FSharp.Core.dll"));

        Assert.True(used.Count > 100, $"only {used.Count} FSharp.Core uses found in Plotly.NET.dll");
        Assert.Contains("type Microsoft.FSharp.Core.FSharpOption`1", used);
        Assert.Contains("Microsoft.FSharp.Core.FSharpFunc`2::Invoke(!0):!1`0", used);
        Assert.Empty(used.Except(buildCore));
    }

    [Fact]
    public void Check_reports_members_an_older_FSharpCore_lacks()
    {
        // FSharp.Core 10.1 (the library's) defines members that the hosts' 10.0 does not: the comparison
        // is by signature, so it can tell them apart, and a dll that used one of those would fail the check.
        var hostCore = FSharpCoreReferences.DefinedBy(Path.Combine(NotebookToolchain.ToolFolder("dotnet-repl"), "FSharp.Core.dll"));
        var buildCore = FSharpCoreReferences.DefinedBy(Path.Combine(AppContext.BaseDirectory, "FSharp.Core.dll"));

        Assert.NotEmpty(buildCore.Except(hostCore));
    }
}
