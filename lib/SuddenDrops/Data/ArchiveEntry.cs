namespace SuddenDrops.Data;

/// <summary>The file is the member <paramref name="EntryPath"/> of the zip archive at <paramref name="ArchiveUrl"/>, extracted unchanged.</summary>
public sealed record ArchiveEntry(Uri ArchiveUrl, string EntryPath) : FileOrigin
{
    public override bool IsFetchable => true;

    public override string Describe() => $"extract {EntryPath} from {ArchiveUrl}";
}
