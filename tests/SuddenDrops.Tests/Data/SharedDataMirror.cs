using System.IO.Compression;
using System.Text;
using SuddenDrops.Data;

namespace SuddenDrops.Tests.Data;

/// <summary>
/// Serves, by mirror path (<c>/host/path</c>), what the catalog's upstream URLs would give, rebuilt from the shared
/// reference copy: plain files as they are, zip archives holding the catalog's entries, and MRPC's inputs
/// (SentEval's train file with CRLF endings: header, then train rows and dev rows; GLUE's dev ids).
/// Lets the whole fetch pipeline run offline against the catalog.
/// </summary>
internal sealed class SharedDataMirror
{
    private readonly Dictionary<string, Lazy<byte[]>> _files = new(StringComparer.Ordinal);

    public SharedDataMirror(IEnumerable<PublicDataSet> sets)
    {
        var files = sets.SelectMany(s => s.Files).Where(f => f.Origin.IsFetchable).ToList();
        foreach (var file in files)
        {
            switch (file.Origin)
            {
                case DirectDownload download:
                    _files[MirrorPath(download.Url)] = new(() => File.ReadAllBytes(SharedData.PathOf(file.RelativePath)));
                    break;
                case MrpcSplit split:
                    _files[MirrorPath(split.ParaphraseTrain)] = new(ParaphraseTrain);
                    _files[MirrorPath(split.DevIds)] = new(DevIds);
                    break;
            }
        }
        foreach (var archive in files.Where(f => f.Origin is ArchiveEntry).GroupBy(f => ((ArchiveEntry)f.Origin).ArchiveUrl))
            _files[MirrorPath(archive.Key)] = new(() => Zip(archive));
    }

    public byte[]? Serve(string path) => _files.TryGetValue(path, out var bytes) ? bytes.Value : null;

    private static string MirrorPath(Uri upstream) => "/" + upstream.Host + upstream.AbsolutePath;

    private static byte[] Zip(IEnumerable<DataSetFile> members)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var member in members)
                zip.CreateEntryFromFile(SharedData.PathOf(member.RelativePath), ((ArchiveEntry)member.Origin).EntryPath, CompressionLevel.Fastest);
        return buffer.ToArray();
    }

    private static string[] MrpcRows(string split) => File.ReadAllLines(SharedData.PathOf($"glue/MRPC/{split}.tsv"));

    private static byte[] ParaphraseTrain()
    {
        var train = MrpcRows("train");
        var dev = MrpcRows("dev");
        return Encoding.UTF8.GetBytes(string.Join("\r\n", train.Concat(dev.Skip(1))) + "\r\n");
    }

    private static byte[] DevIds() =>
        Encoding.UTF8.GetBytes(string.Concat(MrpcRows("dev").Skip(1).Select(row => row.Split('\t')).Select(f => $"{f[1]}\t{f[2]}\n")));
}
