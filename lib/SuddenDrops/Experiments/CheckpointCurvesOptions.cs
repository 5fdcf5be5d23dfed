using System.Globalization;

namespace SuddenDrops.Experiments;

/// <summary>Settings of a post-hoc checkpoint evaluation (<see cref="CheckpointCurves"/>).</summary>
/// <param name="Probes">What to measure.</param>
/// <param name="Every">Checkpoints whose step is a multiple of this are evaluated, and always the first and the last.</param>
/// <param name="OutDirectory">Where the CSVs go (null: <c>&lt;run&gt;/curves</c>).</param>
/// <param name="Device">"cpu", "cuda", "cuda:N" or "auto".</param>
/// <param name="DataRoot">Data root (null: resolved as for training).</param>
/// <param name="Relations">How many of the most frequent base relations get a curve (beside "all").</param>
/// <param name="MinRelationWords">A relation needs at least this many words in the UAS sample for a curve (paper: 100).</param>
/// <param name="Dense">Optionally a window of denser evaluation (e.g. every 100 steps around a transition).</param>
public sealed record CheckpointCurvesOptions(
    IReadOnlySet<CurveProbe> Probes,
    int Every = 500,
    string? OutDirectory = null,
    string Device = "cpu",
    string? DataRoot = null,
    int Relations = 15,
    int MinRelationWords = 100,
    DenseWindow? Dense = null)
{
    /// <summary>The probes named in a comma-separated list ("relations,blimp,twonn").</summary>
    public static IReadOnlySet<CurveProbe> ParseProbes(string names)
    {
        var probes = new HashSet<CurveProbe>();
        foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            probes.Add(Enum.TryParse<CurveProbe>(name, ignoreCase: true, out var probe)
                ? probe
                : throw new ArgumentException($"Unknown probe '{name}'; known: relations, blimp, twonn."));
        if (probes.Count == 0) throw new ArgumentException("Name at least one probe (relations, blimp, twonn).");
        return probes;
    }
}

/// <summary>Checkpoints from <paramref name="From"/> to <paramref name="To"/> (inclusive) are evaluated every <paramref name="Every"/>
/// steps, beside those <see cref="CheckpointCurvesOptions.Every"/> selects: dense probes where a transition happens.</summary>
public sealed record DenseWindow(long From, long To, int Every)
{
    /// <summary>Reads <c>FROM:TO:EVERY</c> in steps (e.g. <c>3900:7400:100</c>), as the <c>--dense</c> options spell it.</summary>
    /// <exception cref="ArgumentException">Not three whole numbers, FROM above TO, or EVERY below 1.</exception>
    public static DenseWindow Parse(string text)
    {
        var parts = text.Split(':');
        long[] values = parts.Length == 3 && parts.All(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? [.. parts.Select(p => long.Parse(p, CultureInfo.InvariantCulture))]
            : throw new ArgumentException($"A dense window is FROM:TO:EVERY in steps (e.g. 3900:7400:100), got '{text}'.");
        return values[0] <= values[1] && values[2] is >= 1 and <= int.MaxValue
            ? new DenseWindow(values[0], values[1], (int)values[2])
            : throw new ArgumentException($"A dense window's FROM must not exceed TO and its EVERY must be at least 1, got '{text}'.");
    }

    /// <summary>The <c>FROM:TO:EVERY</c> that <see cref="Parse"/> reads.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From}:{To}:{Every}");
}

