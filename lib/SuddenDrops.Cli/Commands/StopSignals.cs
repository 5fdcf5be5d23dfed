using System.Runtime.InteropServices;

namespace SuddenDrops.Cli.Commands;

/// <summary>
/// Ctrl-C and SIGTERM (e.g. Slurm's or systemd's stop) turned into a cancellation: the process is not killed, the command's
/// <see cref="Token"/> is cancelled so that the work stops cleanly (training at a checkpoint). Listen with <c>using</c>; disposing
/// stops listening.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly ConsoleCancelEventHandler onCancelKey;
    private readonly PosixSignalRegistration onTerminate;

    private StopSignals()
    {
        onCancelKey = (_, e) => { e.Cancel = true; source.Cancel(); };
        Console.CancelKeyPress += onCancelKey;
        onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; source.Cancel(); });
    }

    /// <summary>Starts listening for Ctrl-C and SIGTERM.</summary>
    public static StopSignals Listen() => new();

    /// <summary>Cancelled at the first Ctrl-C or SIGTERM.</summary>
    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= onCancelKey;
        onTerminate.Dispose();
        source.Dispose();
    }
}
