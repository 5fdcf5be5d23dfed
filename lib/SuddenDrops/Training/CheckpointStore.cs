using System.Globalization;
using SuddenDrops.Data;
using SuddenDrops.Model;

namespace SuddenDrops.Training;

/// <summary>
/// Checkpoints of one run under <c>checkpoints/step-NNNNNNN/</c>: <c>model.bin</c>, <c>state.json</c> and, in the
/// latest two, <c>optimizer.bin</c>. Each is written into a <c>.partial</c> folder and renamed into place,
/// so a kill at any moment leaves the previous checkpoint intact. <c>state.json</c> holds a SHA-256 of each file; a
/// damaged file (a disk error, a truncated copy) is named by <see cref="Verify"/>, and <see cref="LatestResumable"/>
/// passes over a damaged checkpoint to the one before it, which is why the optimizer state of two is kept.
/// </summary>
public sealed class CheckpointStore(string directory)
{
    private const string Prefix = "step-";
    public const string ModelFile = "model.bin";
    public const string OptimizerFile = "optimizer.bin";
    public const string StateFile = "state.json";

    /// <summary>How many of the latest checkpoints keep their optimizer state (one spare for a damaged latest).</summary>
    public const int ResumableKept = 2;

    public string Directory => directory;

    /// <summary>
    /// Steps whose optimizer state is kept when later checkpoints are written, so that another run can continue from
    /// there exactly (<see cref="RunFork"/>: SAS−(k) forks from SAS− at step k). Empty by default: only the latest is kept.
    /// </summary>
    public IReadOnlySet<long> KeepOptimizerAt { get; init; } = new HashSet<long>();

    /// <summary>Whether the checkpoint at <paramref name="step"/> exists and holds the optimizer state.</summary>
    public bool IsResumableAt(long step) => Steps().Contains(step) && File.Exists(Path.Combine(PathFor(step), OptimizerFile));

    public string PathFor(long step) => Path.Combine(directory, Prefix + step.ToString("D7", CultureInfo.InvariantCulture));

    /// <summary>Steps of the complete checkpoints, ascending.</summary>
    public IReadOnlyList<long> Steps()
    {
        if (!System.IO.Directory.Exists(directory)) return [];
        return System.IO.Directory.GetDirectories(directory, Prefix + "*")
            .Select(Path.GetFileName)
            .Where(n => n is not null && !n.EndsWith(".partial", StringComparison.Ordinal))
            .Select(n => long.TryParse(n![Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1)
            .Where(s => s >= 0 && File.Exists(Path.Combine(PathFor(s), StateFile)))
            .Order()
            .ToList();
    }

    /// <summary>
    /// The latest intact checkpoint that also holds the optimizer state (the one <c>--resume</c> continues from); damaged
    /// ones after it are passed over and reported through <paramref name="damaged"/> (one message per checkpoint).
    /// </summary>
    public long? LatestResumable(Action<string>? damaged = null)
    {
        foreach (var step in Steps().Reverse().Where(s => File.Exists(Path.Combine(PathFor(s), OptimizerFile))))
        {
            if (Problem(step) is not { } problem) return step;
            damaged?.Invoke(problem);
        }
        return null;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the file when the checkpoint at <paramref name="step"/> is damaged.</summary>
    public CheckpointState Verify(long step) =>
        Problem(step) is { } problem ? throw new InvalidDataException(problem) : ReadState(step);

    public void Save(MaskedLanguageModel model, FlatAdamW optimizer, CheckpointState state)
    {
        var final = PathFor(state.Step);
        var partial = final + ".partial";
        if (System.IO.Directory.Exists(partial)) System.IO.Directory.Delete(partial, recursive: true);
        System.IO.Directory.CreateDirectory(partial);
        model.save(Path.Combine(partial, ModelFile));
        optimizer.Save(Path.Combine(partial, OptimizerFile));
        var checksums = new[] { ModelFile, OptimizerFile }.ToDictionary(f => f, f => FileChecksum.Sha256(Path.Combine(partial, f)));
        JsonFiles.Save(Path.Combine(partial, StateFile), state with { Checksums = checksums });
        if (System.IO.Directory.Exists(final)) System.IO.Directory.Delete(final, recursive: true);
        System.IO.Directory.Move(partial, final);
        var steps = Steps();
        var keep = steps.Where(s => s <= state.Step).TakeLast(ResumableKept).ToHashSet();
        foreach (var older in steps.Where(s => s < state.Step && !keep.Contains(s) && !KeepOptimizerAt.Contains(s)))
        {
            var opt = Path.Combine(PathFor(older), OptimizerFile);
            if (File.Exists(opt)) File.Delete(opt);
        }
    }

    /// <summary>Loads weights (and optimizer state when given) of the checkpoint at <paramref name="step"/>, after checking its files.</summary>
    public CheckpointState Load(long step, MaskedLanguageModel model, FlatAdamW? optimizer)
    {
        var state = Verify(step);
        var dir = PathFor(step);
        model.load(Path.Combine(dir, ModelFile));
        optimizer?.Load(Path.Combine(dir, OptimizerFile));
        return state;
    }

    /// <summary>What is wrong with the checkpoint at <paramref name="step"/> (a sentence naming the file), or null when it is intact.</summary>
    public string? Problem(long step)
    {
        CheckpointState state;
        try { state = ReadState(step); }
        catch (Exception error) when (error is System.Text.Json.JsonException or InvalidDataException or IOException)
        {
            return $"{Path.Combine(PathFor(step), StateFile)} cannot be read: {error.Message}";
        }
        if (state.Checksums is null) return null; // written before checksums existed
        foreach (var (file, expected) in state.Checksums)
        {
            var path = Path.Combine(PathFor(step), file);
            if (!File.Exists(path)) continue; // optimizer state of an older checkpoint, deleted on purpose
            var actual = FileChecksum.Sha256(path);
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                return $"{path} is damaged: its SHA-256 is {actual[..12]}…, {StateFile} recorded {expected[..12]}… ({new FileInfo(path).Length:N0} bytes now)";
        }
        return null;
    }

    /// <summary>The <c>state.json</c> of a checkpoint folder (<c>step-NNNNNNN/</c>) read on its own, without its store.</summary>
    public static CheckpointState ReadStateAt(string checkpointFolder) => JsonFiles.Load<CheckpointState>(Path.Combine(checkpointFolder, StateFile));

    private CheckpointState ReadState(long step) =>
        JsonFiles.Load<CheckpointState>(Path.Combine(PathFor(step), StateFile))
        ?? throw new InvalidDataException($"{Path.Combine(PathFor(step), StateFile)} is empty.");

    /// <summary>Removes half-written checkpoints left by a crash.</summary>
    public void RemovePartial()
    {
        if (!System.IO.Directory.Exists(directory)) return;
        foreach (var d in System.IO.Directory.GetDirectories(directory, "*.partial"))
            System.IO.Directory.Delete(d, recursive: true);
    }
}
