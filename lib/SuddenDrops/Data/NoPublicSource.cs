namespace SuddenDrops.Data;

/// <summary>The file has no public URL that gives these exact bytes; <paramref name="HowToGet"/> says how a person can make or find it.</summary>
public sealed record NoPublicSource(string HowToGet) : FileOrigin
{
    public override bool IsFetchable => false;

    public override string Describe() => HowToGet;
}
