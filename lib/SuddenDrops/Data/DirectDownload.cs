namespace SuddenDrops.Data;

/// <summary>The file is the upstream file at <paramref name="Url"/>, byte for byte.</summary>
public sealed record DirectDownload(Uri Url) : FileOrigin
{
    public override bool IsFetchable => true;

    public override string Describe() => $"download {Url}";
}
