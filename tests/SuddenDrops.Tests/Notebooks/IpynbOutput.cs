namespace SuddenDrops.Tests.Notebooks;

/// <summary>One output of an executed notebook cell.</summary>
/// <param name="Type">nbformat output_type: stream, display_data, execute_result or error.</param>
/// <param name="MimeTypes">The mime types of display_data/execute_result data; empty for others.</param>
/// <param name="Text">Stream text, error name and value, or the text/plain or text/html data.</param>
internal sealed record IpynbOutput(string Type, IReadOnlyList<string> MimeTypes, string Text)
{
    public bool IsError => Type == "error";
}
