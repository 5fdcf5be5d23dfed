namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// What a notebook needs before it runs, done once per test run: the pinned local tools
/// (<c>dotnet tool restore</c>) and the Release build of the CLI that the notebooks <c>#r</c>
/// (<c>dotnet build lib/SuddenDrops.Cli -c Release</c>), as a person would after a fresh clone.
/// </summary>
internal static class NotebookToolchain
{
    private static readonly Lazy<string> Restored = new(RestoreTools, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Prepared = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Restores the pinned tools once; returns a summary with the time it took.</summary>
    public static string EnsureToolsRestored() => Restored.Value;

    /// <summary>Restores the tools and builds the library once; returns a summary with timings.</summary>
    public static string EnsureReady() => Prepared.Value;

    /// <summary>The folder of a restored tool package's dlls (…/tools/TFM/any), for the version pinned in the manifest.</summary>
    public static string ToolFolder(string packageId)
    {
        EnsureToolsRestored();
        var version = PinnedVersion(packageId);
        var package = Path.Combine(NuGetPackagesFolder(), packageId.ToLowerInvariant(), version, "tools");
        return Directory.Exists(package)
            ? Directory.GetDirectories(package).Select(tfm => Path.Combine(tfm, "any")).First(Directory.Exists)
            : throw new DirectoryNotFoundException($"{package}: tool package {packageId} {version} is not restored.");
    }

    /// <summary>The version .config/dotnet-tools.json pins for a tool package.</summary>
    public static string PinnedVersion(string packageId)
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryLayout.ToolManifest));
        foreach (var tool in manifest.RootElement.GetProperty("tools").EnumerateObject())
            if (string.Equals(tool.Name, packageId, StringComparison.OrdinalIgnoreCase))
                return tool.Value.GetProperty("version").GetString()!;
        throw new KeyNotFoundException($"{RepositoryLayout.ToolManifest}: no tool {packageId}.");
    }

    private static string NuGetPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string RestoreTools() =>
        $"tool restore {Dotnet(["tool", "restore"], TimeSpan.FromMinutes(5)).Elapsed.TotalSeconds:0.0} s";

    private static string Prepare()
    {
        var restore = EnsureToolsRestored();
        var build = Dotnet(["build", Path.Combine("lib", "SuddenDrops.Cli"), "-c", "Release", "-v", "q", "-nologo"], TimeSpan.FromMinutes(10));
        var library = Path.Combine(RepositoryLayout.ReleaseOutput, "SuddenDrops.dll");
        if (!File.Exists(library))
            throw new FileNotFoundException($"{library}: the Release build succeeded but did not produce the library the notebooks load.", library);
        return $"{restore}, Release build {build.Elapsed.TotalSeconds:0.0} s";
    }

    private static ProcessResult Dotnet(string[] arguments, TimeSpan limit)
    {
        var result = ExternalProcess.Run("dotnet", arguments, RepositoryLayout.Root, limit, BuildEnvironment());
        return result.ExitCode == 0 ? result : throw new InvalidOperationException(result.Describe());
    }

    /// <summary>
    /// The test host runs under MSBuild-related variables of the outer <c>dotnet test</c>; a nested
    /// build must not inherit them (they point it at the outer build's node and properties).
    /// </summary>
    private static Dictionary<string, string?> BuildEnvironment()
    {
        var removed = new Dictionary<string, string?>();
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                removed[name] = null;
        return removed;
    }
}
