using System.Globalization;
using System.Net;
using SuddenDrops.Training;

namespace SuddenDrops.Notebooks;

/// <summary>
/// The progress line of a live training run in a notebook, as HTML: a bar, the step, the training loss, the last held-out
/// evaluation, speed and time left. The notebook shows it with <c>display(...)</c> once and replaces it with
/// <c>.Update(...)</c> at every progress event, so it updates in place.
/// </summary>
public static class TrainingStatus
{
    /// <summary>The status before the first progress event.</summary>
    public static string Starting(string runFolder) =>
        $"<div style=\"font-family:monospace\">preparing the corpus and the model for {WebUtility.HtmlEncode(runFolder)} …</div>";

    /// <summary>The status at <paramref name="progress"/>.</summary>
    public static string Html(TrainingProgress progress)
    {
        var share = progress.TotalSteps == 0 ? 1 : (double)progress.Step / progress.TotalSteps;
        var inv = CultureInfo.InvariantCulture;
        var evaluation = progress.LastEvaluation is { } e ? string.Create(inv, $" · held-out loss {e.Loss:F3}, accuracy {e.Accuracy:P1}") : "";
        var remaining = progress.Remaining is { } r ? $" · {r:hh\\:mm\\:ss} left" : "";
        return string.Create(inv,
            $"<div style=\"font-family:monospace\"><progress value=\"{progress.Step}\" max=\"{progress.TotalSteps}\" style=\"width:320px\"></progress> " +
            $"step {progress.Step:N0}/{progress.TotalSteps:N0} ({share:P0}) · training loss {progress.TrainLoss:F3}{evaluation} · " +
            $"{progress.TokensPerSecond:N0} tokens/s · {progress.Elapsed:hh\\:mm\\:ss} elapsed{remaining}</div>");
    }
}
