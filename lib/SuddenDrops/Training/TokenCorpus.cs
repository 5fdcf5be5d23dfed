using SuddenDrops.Data;
using System.Security.Cryptography;
using System.Text;

namespace SuddenDrops.Training;

/// <summary>
/// A tokenised training corpus: the pieces of every paragraph, one paragraph after another with a [SEP]
/// between them, split into a training stream and a held-out stream (every <c>heldOutEvery</c>-th paragraph,
/// 1% by default, as in the reference run). Built once and cached as a binary file so later runs start at once.
/// </summary>
public sealed class TokenCorpus
{
    private const int Magic = 0x53445443; // "SDTC"
    private const int FormatVersion = 1;

    public int[] Train { get; }
    public int[] HeldOut { get; }
    public long Paragraphs { get; }
    public string Key { get; }

    private TokenCorpus(int[] train, int[] heldOut, long paragraphs, string key)
    {
        Train = train;
        HeldOut = heldOut;
        Paragraphs = paragraphs;
        Key = key;
    }

    /// <summary>A corpus from ready-made piece streams (tests, fixtures).</summary>
    public static TokenCorpus FromStreams(int[] train, int[] heldOut, string key) => new(train, heldOut, 0, key);

    /// <summary>Tokenises paragraphs (streamed) into the two streams.</summary>
    /// <param name="paragraphs">Raw paragraphs in corpus order.</param>
    /// <param name="encode">Text → piece ids, without special pieces.</param>
    /// <param name="sepId">The [SEP] piece written after each paragraph.</param>
    /// <param name="key">Identifies sources, vocabulary and rules; stored with the cache.</param>
    public static TokenCorpus Build(IEnumerable<string> paragraphs, Func<string, IReadOnlyList<int>> encode, int sepId,
        string key, int heldOutEvery = 100, int minWords = 5)
    {
        var train = new List<int>(1 << 20);
        var heldOut = new List<int>(1 << 16);
        long index = 0;
        foreach (var paragraph in paragraphs)
        {
            if (CountWords(paragraph) < minWords) continue;
            var target = index++ % heldOutEvery == heldOutEvery / 2 ? heldOut : train;
            target.AddRange(encode(paragraph));
            target.Add(sepId);
        }
        return new TokenCorpus(train.ToArray(), heldOut.ToArray(), index, key);
    }

    /// <summary>A stable short hash of the strings that define a corpus cache.</summary>
    public static string KeyOf(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))))[..16].ToLowerInvariant();

    private static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord) words++;
            inWord = !space;
        }
        return words;
    }

    /// <summary>Writes the cache atomically (temp file + rename).</summary>
    public void Save(string path)
    {
        AtomicFile.Write(path, tmp =>
        {
            using var w = new BinaryWriter(File.Create(tmp));
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(Key);
            w.Write(Paragraphs);
            WriteInts(w, Train);
            WriteInts(w, HeldOut);
        });
    }

    /// <summary>Reads a cache file; null when it is missing or was built for another key.</summary>
    public static TokenCorpus? TryLoad(string path, string key)
    {
        if (!File.Exists(path)) return null;
        using var r = new BinaryReader(File.OpenRead(path));
        if (r.ReadInt32() != Magic || r.ReadInt32() != FormatVersion) return null;
        var storedKey = r.ReadString();
        if (storedKey != key) return null;
        var paragraphs = r.ReadInt64();
        return new TokenCorpus(ReadInts(r), ReadInts(r), paragraphs, storedKey);
    }

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static int[] ReadInts(BinaryReader r)
    {
        var values = new int[r.ReadInt32()];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        int read = 0;
        while (read < bytes.Length)
        {
            int n = r.Read(bytes[read..]);
            if (n == 0) throw new EndOfStreamException("Token corpus cache is truncated.");
            read += n;
        }
        return values;
    }
}
