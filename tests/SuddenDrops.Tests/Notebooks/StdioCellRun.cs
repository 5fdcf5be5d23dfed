namespace SuddenDrops.Tests.Notebooks;

/// <summary>What dotnet-interactive reported for one submitted cell.</summary>
/// <param name="CellIndex">The cell's position in the notebook.</param>
/// <param name="Succeeded">True on CommandSucceeded, false on CommandFailed.</param>
/// <param name="FailureMessage">CommandFailed's message, else empty.</param>
/// <param name="MimeTypes">Mime types of the values the cell displayed or returned.</param>
/// <param name="Elapsed">From submission to the final event.</param>
internal sealed record StdioCellRun(int CellIndex, bool Succeeded, string FailureMessage, IReadOnlyList<string> MimeTypes, TimeSpan Elapsed);
