using System.Globalization;
using SuddenDrops.Model;

namespace SuddenDrops.Training;

/// <summary>
/// Checkpoints of one run under <c>checkpoints/step-NNNNNNN/</c>: <c>model.bin</c>, <c>state.json</c> and, in the
/// latest one only, <c>optimizer.bin</c>. Each is written into a <c>.partial</c> folder and renamed into place,
/// so a kill at any moment leaves the previous checkpoint intact.
/// </summary>
public sealed class CheckpointStore(string directory)
{
    private const string Prefix = "step-";

    public string Directory => directory;

    /// <summary>
    /// Steps whose optimizer state is kept when later checkpoints are written, so that another run can continue from
    /// there exactly (<see cref="RunFork"/>: SAS−(k) forks from SAS− at step k). Empty by default: only the latest is kept.
    /// </summary>
    public IReadOnlySet<long> KeepOptimizerAt { get; init; } = new HashSet<long>();

    /// <summary>Whether the checkpoint at <paramref name="step"/> exists and holds the optimizer state.</summary>
    public bool IsResumableAt(long step) => Steps().Contains(step) && File.Exists(Path.Combine(PathFor(step), "optimizer.bin"));

    public string PathFor(long step) => Path.Combine(directory, Prefix + step.ToString("D7", CultureInfo.InvariantCulture));

    /// <summary>Steps of the complete checkpoints, ascending.</summary>
    public IReadOnlyList<long> Steps()
    {
        if (!System.IO.Directory.Exists(directory)) return [];
        return System.IO.Directory.GetDirectories(directory, Prefix + "*")
            .Select(Path.GetFileName)
            .Where(n => n is not null && !n.EndsWith(".partial", StringComparison.Ordinal))
            .Select(n => long.TryParse(n![Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1)
            .Where(s => s >= 0 && File.Exists(Path.Combine(PathFor(s), "state.json")))
            .Order()
            .ToList();
    }

    /// <summary>The latest checkpoint that also holds the optimizer state (the one <c>--resume</c> continues from).</summary>
    public long? LatestResumable() =>
        Steps().Where(s => File.Exists(Path.Combine(PathFor(s), "optimizer.bin"))).Select(s => (long?)s).LastOrDefault();

    public void Save(MaskedLanguageModel model, FlatAdamW optimizer, CheckpointState state)
    {
        var final = PathFor(state.Step);
        var partial = final + ".partial";
        if (System.IO.Directory.Exists(partial)) System.IO.Directory.Delete(partial, recursive: true);
        System.IO.Directory.CreateDirectory(partial);
        model.save(Path.Combine(partial, "model.bin"));
        optimizer.Save(Path.Combine(partial, "optimizer.bin"));
        JsonFiles.Save(Path.Combine(partial, "state.json"), state);
        if (System.IO.Directory.Exists(final)) System.IO.Directory.Delete(final, recursive: true);
        System.IO.Directory.Move(partial, final);
        foreach (var older in Steps().Where(s => s < state.Step && !KeepOptimizerAt.Contains(s)))
        {
            var opt = Path.Combine(PathFor(older), "optimizer.bin");
            if (File.Exists(opt)) File.Delete(opt);
        }
    }

    /// <summary>Loads weights (and optimizer state when given) of the checkpoint at <paramref name="step"/>.</summary>
    public CheckpointState Load(long step, MaskedLanguageModel model, FlatAdamW? optimizer)
    {
        var dir = PathFor(step);
        model.load(Path.Combine(dir, "model.bin"));
        optimizer?.Load(Path.Combine(dir, "optimizer.bin"));
        return JsonFiles.Load<CheckpointState>(Path.Combine(dir, "state.json"));
    }

    /// <summary>Removes half-written checkpoints left by a crash.</summary>
    public void RemovePartial()
    {
        if (!System.IO.Directory.Exists(directory)) return;
        foreach (var d in System.IO.Directory.GetDirectories(directory, "*.partial"))
            System.IO.Directory.Delete(d, recursive: true);
    }
}
