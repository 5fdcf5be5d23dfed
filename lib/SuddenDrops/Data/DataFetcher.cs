using System.IO.Compression;

namespace SuddenDrops.Data;

/// <summary>
/// Downloads data sets from their upstream URLs (or a mirror, see <see cref="FetchOptions.Mirror"/>) into a data root,
/// in the layout of <see cref="DataCatalog"/>.
/// </summary>
/// <remarks>
/// Each file is first written to <c>&lt;file&gt;.part</c> (downloads resume from there, see <see cref="ResumableDownloader"/>),
/// then its SHA-256 is checked against the catalog, and only then is it renamed into place (an atomic rename on one
/// file system). A file with the wrong checksum is deleted, never put in place. BLiMP's files, which only have a combined
/// checksum, are all checked together before any is renamed. Zip archives (GLUE tasks, NLTK's Gutenberg) and MRPC's
/// inputs are kept under <c>&lt;root&gt;/.fetch/</c> while a set is fetched and removed once it is in place.
/// Files already in place with the right checksum are not downloaded again.
/// </remarks>
public sealed class DataFetcher(HttpClient http, FetchOptions options)
{
    /// <summary>Folder under the data root for archives and build inputs while fetching.</summary>
    public const string WorkFolder = ".fetch";

    private const string PartSuffix = ".part";
    private readonly ResumableDownloader _downloader = new(http, options);

    /// <summary>Fetches each set in turn; a failure is recorded in its outcome and the next set is still fetched.</summary>
    public async Task<IReadOnlyList<FetchOutcome>> FetchAllAsync(string root, IEnumerable<PublicDataSet> sets,
        Action<FetchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var outcomes = new List<FetchOutcome>();
        foreach (var set in sets)
        {
            try
            {
                outcomes.Add(await FetchAsync(root, set, progress, cancellation));
            }
            catch (Exception e) when (e is DataFetchException or DataFormatException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                outcomes.Add(new FetchOutcome(set, FetchStatus.Failed, [], [], e.Message));
            }
        }
        return outcomes;
    }

    /// <summary>Fetches one data set into <paramref name="root"/>.</summary>
    /// <exception cref="DataFetchException">A download failed or a file's checksum is wrong (nothing wrong is left in place).</exception>
    public async Task<FetchOutcome> FetchAsync(string root, PublicDataSet set, Action<FetchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var status = DataCheck.Check(root, set);
        if (status.IsPresent && status.Checksum == ChecksumState.Ok && status.MissingNotices.All(n => !IsFetchableNotice(set, n)))
            return new FetchOutcome(set, FetchStatus.AlreadyPresent, [], []);
        if (!set.IsFetchable)
            return new FetchOutcome(set, status.IsUsable ? FetchStatus.AlreadyPresent : FetchStatus.NeedsBuild, [], [], set.BuildInstructions);

        var written = new List<string>();
        var warnings = new List<string>();
        foreach (var file in set.Files.Where(f => f.Sha256 is not null && f.Origin.IsFetchable))
        {
            if (IsInPlace(root, file))
                continue;
            try
            {
                await AcquireAsync(root, set, file, progress, cancellation);
                PutInPlace(root, file);
                written.Add(file.RelativePath);
            }
            catch (DataFetchException e) when (!file.Required)
            {
                warnings.Add($"{file.RelativePath}: {e.Message}");
            }
        }
        written.AddRange(await FetchCombinedAsync(root, set, progress, cancellation));
        DeleteWorkFiles(root, set);
        return new FetchOutcome(set, FetchStatus.Fetched, written, warnings);
    }

    /// <summary>The files covered only by the set's combined checksum: all acquired, checked together, then renamed.</summary>
    private async Task<IReadOnlyList<string>> FetchCombinedAsync(string root, PublicDataSet set, Action<FetchProgress>? progress, CancellationToken cancellation)
    {
        var files = set.CombinedFiles;
        if (files.Count == 0)
            return [];
        var finalPaths = files.Select(f => f.PathUnder(root)).ToList();
        if (finalPaths.All(File.Exists) && FileChecksum.Sha256OfConcatenation(finalPaths) == set.CombinedSha256)
            return [];
        foreach (var file in files)
            await AcquireAsync(root, set, file, progress, cancellation);
        var partPaths = finalPaths.Select(p => p + PartSuffix).ToList();
        var actual = FileChecksum.Sha256OfConcatenation(partPaths);
        if (actual != set.CombinedSha256)
        {
            partPaths.ForEach(File.Delete);
            throw new DataFetchException(
                $"{set.Name}: combined SHA-256 of its {files.Count} files is {actual}, expected {set.CombinedSha256}; " +
                "the downloads were deleted and nothing was put in place.");
        }
        for (var i = 0; i < files.Count; i++)
            File.Move(partPaths[i], finalPaths[i], overwrite: true);
        return [.. files.Select(f => f.RelativePath)];
    }

    /// <summary>Produces <c>&lt;file&gt;.part</c> from the file's origin.</summary>
    private async Task AcquireAsync(string root, PublicDataSet set, DataSetFile file, Action<FetchProgress>? progress, CancellationToken cancellation)
    {
        var part = file.PathUnder(root) + PartSuffix;
        Directory.CreateDirectory(Path.GetDirectoryName(part)!);
        switch (file.Origin)
        {
            case DirectDownload download:
                await DownloadAsync(download.Url, part, set, file.RelativePath, progress, cancellation);
                break;
            case ArchiveEntry entry:
                var archive = await DownloadWorkFileAsync(root, entry.ArchiveUrl, set, progress, cancellation);
                ExtractEntry(archive, entry.EntryPath, part);
                break;
            case MrpcSplit split:
                var paraphrases = await DownloadWorkFileAsync(root, split.ParaphraseTrain, set, progress, cancellation);
                var devIds = await DownloadWorkFileAsync(root, split.DevIds, set, progress, cancellation);
                MrpcSplitter.WriteSplit(paraphrases, devIds, split.IsDev, part);
                break;
            default:
                throw new DataFetchException($"{file.RelativePath}: cannot be fetched: {file.Origin.Describe()}");
        }
    }

    /// <summary>Checks <c>&lt;file&gt;.part</c> against the catalog and renames it over the file; a mismatch deletes it.</summary>
    private static void PutInPlace(string root, DataSetFile file)
    {
        var target = file.PathUnder(root);
        var part = target + PartSuffix;
        var actual = FileChecksum.Sha256(part);
        if (actual != file.Sha256)
        {
            File.Delete(part);
            throw new DataFetchException(
                $"{file.RelativePath}: SHA-256 is {actual}, expected {file.Sha256} ({file.Origin.Describe()}); " +
                "the download was deleted and nothing was put in place.");
        }
        File.Move(part, target, overwrite: true);
    }

    /// <summary>Downloads an archive or build input under <see cref="WorkFolder"/> (once per fetch), resumably.</summary>
    private async Task<string> DownloadWorkFileAsync(string root, Uri url, PublicDataSet set, Action<FetchProgress>? progress, CancellationToken cancellation)
    {
        var path = WorkPath(root, url);
        if (File.Exists(path))
            return path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await DownloadAsync(url, path + PartSuffix, set, Path.GetFileName(path), progress, cancellation);
        File.Move(path + PartSuffix, path, overwrite: true);
        return path;
    }

    private Task DownloadAsync(Uri upstream, string part, PublicDataSet set, string item, Action<FetchProgress>? progress, CancellationToken cancellation)
    {
        var url = options.Locate(upstream);
        return _downloader.DownloadAsync(url, part, (bytes, total) => progress?.Invoke(new FetchProgress(set.Name, item, bytes, total)), cancellation);
    }

    private static void ExtractEntry(string archivePath, string entryPath, string destination)
    {
        try
        {
            using var archive = ZipFile.OpenRead(archivePath);
            var entry = archive.GetEntry(entryPath)
                ?? throw new DataFetchException($"{archivePath}: the archive has no member {entryPath}");
            entry.ExtractToFile(destination, overwrite: true);
        }
        catch (InvalidDataException e)
        {
            File.Delete(archivePath);
            throw new DataFetchException($"{archivePath}: not a valid zip archive ({e.Message}); deleted, fetch again to download it anew.", e);
        }
    }

    private static string WorkPath(string root, Uri url) =>
        Path.Combine(root, WorkFolder, url.Host, url.AbsolutePath.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));

    private static void DeleteWorkFiles(string root, PublicDataSet set)
    {
        var urls = set.Files.Select(f => f.Origin).SelectMany(origin => origin switch
        {
            ArchiveEntry entry => [entry.ArchiveUrl],
            MrpcSplit split => [split.ParaphraseTrain, split.DevIds],
            _ => Array.Empty<Uri>(),
        });
        foreach (var path in urls.Distinct().Select(url => WorkPath(root, url)).Where(File.Exists))
            File.Delete(path);
        var work = Path.Combine(root, WorkFolder);
        if (Directory.Exists(work) && !Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories).Any())
            Directory.Delete(work, recursive: true);
    }

    private static bool IsInPlace(string root, DataSetFile file)
    {
        var path = file.PathUnder(root);
        return File.Exists(path) && FileChecksum.Sha256(path) == file.Sha256;
    }

    private static bool IsFetchableNotice(PublicDataSet set, string relativePath) =>
        set.Files.Any(f => f.RelativePath == relativePath && f.Origin.IsFetchable);
}
