using System.Security.Cryptography;

namespace SuddenDrops.Data;

/// <summary>SHA-256 of files, as lower-case hex (the format of <c>sha256sum</c>).</summary>
public static class FileChecksum
{
    /// <summary>SHA-256 of one file's bytes (a <c>.gz</c> is hashed as stored, not decompressed).</summary>
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>SHA-256 of the files' bytes concatenated in the order given (BLiMP's checksum in <c>SHA256SUMS</c>).</summary>
    public static string Sha256OfConcatenation(IEnumerable<string> paths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        foreach (var path in paths)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(buffer)) > 0)
                hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
