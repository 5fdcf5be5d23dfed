using System.Runtime.InteropServices;

namespace SuddenDrops.Notebooks;

/// <summary>
/// One call at the top of a notebook that makes the library work inside a .NET Interactive host
/// (VS Code Polyglot Notebooks, dotnet-repl, dotnet-interactive) when loaded with <c>#r</c> from the
/// build output folder (<c>lib/SuddenDrops.Cli/bin/Release/net10.0</c>).
/// </summary>
/// <remarks>
/// Two things differ from a normal process. (1) FSharp.Core: see <see cref="HostFSharpCore"/>.
/// (2) TorchSharp's native libraries: a <c>#r</c>'d assembly is not in the host's deps.json, so the
/// runtime does not probe <c>runtimes/&lt;rid&gt;/native</c> beside it, and TorchSharp's fallback copies
/// libraries out of the NuGet cache, whose libLibTorchSharp.so lacks the build's Debian 12 load fix.
/// Loading the build output's own copies by full path first makes TorchSharp's later load by name
/// find them already loaded.
/// </remarks>
public static class NotebookHost
{
    /// <summary>Native libraries TorchSharp loads by name, in load order; each is preloaded when present.</summary>
    private static readonly string[] TorchNativeNames = ["torch_cuda", "torch_cpu", "LibTorchSharp"];

    /// <summary>
    /// Makes FSharp.Core one copy and preloads TorchSharp's native libraries from the folder this
    /// library was loaded from. Run it in a cell of its own, before any cell that uses Plotly.NET or TorchSharp.
    /// Idempotent.
    /// </summary>
    /// <returns>What was done, one line per step, to show in the notebook.</returns>
    public static string Prepare()
    {
        var lines = new List<string> { HostFSharpCore.UseHostCopy() };
        lines.AddRange(PreloadTorchNatives(NativeFolder()));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The <c>runtimes/&lt;rid&gt;/native</c> folder beside this library's dll.</summary>
    public static string NativeFolder()
    {
        var libraryFolder = Path.GetDirectoryName(typeof(NotebookHost).Assembly.Location)
            ?? throw new InvalidOperationException("The SuddenDrops assembly has no file location (loaded from bytes?).");
        return Path.Combine(libraryFolder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
    }

    private static IEnumerable<string> PreloadTorchNatives(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield return $"TorchSharp natives: {folder} does not exist; TorchSharp will search on its own.";
            yield break;
        }
        foreach (var name in TorchNativeNames)
        {
            var path = Path.Combine(folder, NativeFileName(name));
            if (!File.Exists(path))
                continue;
            NativeLibrary.Load(path);
            yield return $"TorchSharp natives: loaded {path}.";
        }
    }

    /// <summary>The platform's file name for a native library: libX.so, libX.dylib or X.dll.</summary>
    private static string NativeFileName(string name) =>
        OperatingSystem.IsWindows() ? name + ".dll"
        : OperatingSystem.IsMacOS() ? "lib" + name + ".dylib"
        : "lib" + name + ".so";
}
