using System.Reflection;
using System.Runtime.Loader;

namespace SuddenDrops.Notebooks;

/// <summary>
/// Lets Plotly.NET run inside a .NET Interactive notebook host (dotnet-repl, dotnet-interactive,
/// VS Code Polyglot Notebooks) whose own FSharp.Core is older than the one Plotly.NET was built against.
/// </summary>
/// <remarks>
/// <para>The problem. Plotly.NET 6.0.0 references FSharp.Core 10.1.0.0; dotnet-repl 0.3.259 and
/// dotnet-interactive 1.0.712001 load FSharp.Core 10.0.0.0 from their own folder into the default
/// AssemblyLoadContext. Roslyn's script loader puts each <c>#r</c>'d dll into its own load context that
/// first asks the default context: Giraffe.ViewEngine (asks for FSharp.Core 5.0) gets the host's 10.0,
/// while Plotly.NET (asks for 10.1, which the host can't give) gets a second copy, 10.1, from the
/// library's folder. Two FSharp.Core copies mean two <c>FSharpFunc</c> types, and the first chart
/// fails with <c>MissingMethodException: Giraffe.ViewEngine.Attributes.get__id()</c>.</para>
/// <para>The fix. <see cref="UseHostCopy"/> hooks <see cref="AssemblyLoadContext.Default"/>'s
/// <c>Resolving</c> event, which the runtime raises before Roslyn's loader looks in the folder: a request
/// for a newer FSharp.Core than the host's is answered with the host's copy, so every assembly shares one
/// FSharp.Core. Every FSharp.Core type and member that Plotly.NET 6.0.0, Plotly.NET.CSharp, DynamicObj,
/// Giraffe.ViewEngine and Fable.Core reference exists, with the same signature, in the hosts' FSharp.Core
/// 10.0 (checked by a test in SuddenDrops.Tests/Notebooks). Where the process already has a FSharp.Core
/// new enough (the CLI, the tests, a newer host) the event never fires for it and nothing changes.</para>
/// </remarks>
public static class HostFSharpCore
{
    private const string FSharpCoreName = "FSharp.Core";
    private static readonly Lock Gate = new();
    private static Assembly? hostCopy;

    /// <summary>
    /// Answers later requests for a newer FSharp.Core with the copy the host process already has.
    /// Call it in a notebook cell of its own, before the first cell that uses Plotly.NET. Idempotent.
    /// </summary>
    /// <returns>A one-line description of what was done, to print in the notebook.</returns>
    public static string UseHostCopy()
    {
        lock (Gate)
        {
            if (hostCopy is not null)
                return Describe(hostCopy, "already redirected to");
            var host = FindInDefaultContext();
            if (host is null)
                return "FSharp.Core: the host has none of its own; Plotly.NET loads the library's copy.";
            hostCopy = host;
            AssemblyLoadContext.Default.Resolving += AnswerWithHostCopy;
            return Describe(host, "newer requests redirected to the host's");
        }
    }

    /// <summary>The FSharp.Core of the default load context (loading it from the host's list if needed), or null if it has none.</summary>
    private static Assembly? FindInDefaultContext()
    {
        var loaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == FSharpCoreName);
        if (loaded is not null)
            return loaded;
        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(FSharpCoreName));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static Assembly? AnswerWithHostCopy(AssemblyLoadContext context, AssemblyName requested) =>
        requested.Name == FSharpCoreName ? hostCopy : null;

    private static string Describe(Assembly host, string what) =>
        $"FSharp.Core: {what} {host.GetName().Version} ({host.Location}).";
}
