using SuddenDrops.Data;
using SuddenDrops.Text;
using System.Security.Cryptography;
using System.Text;

namespace SuddenDrops.Training;

/// <summary>
/// A tokenised training corpus: the pieces of every paragraph, one paragraph after another with a [SEP]
/// between them, split into a training stream and a held-out stream (every <c>heldOutEvery</c>-th paragraph,
/// 1% by default, as in the reference run). Built once and cached as a binary file so later runs start at once.
/// <para>A corpus built from parsed text (<see cref="BuildParsed"/>) also carries, for every piece of each stream, the
/// offset to its <b>head piece</b>: at the first piece of a word whose head is another word, (position of the head word's
/// first piece) − (own position); 0 everywhere else (later pieces of a word, root words, [SEP]). Words stand for their
/// first piece, as in <see cref="LabeledSentence"/>; <see cref="PackedSequences.Edges"/> turns the offsets into the
/// edges of a packed row.</para>
/// </summary>
public sealed class TokenCorpus
{
    private const int Magic = 0x53445443; // "SDTC"
    private const int FormatVersion = 2;  // 1: streams only; 2: + a flag and, when set, the head offsets of both streams

    public int[] Train { get; }
    public int[] HeldOut { get; }

    /// <summary>Head offsets parallel to <see cref="Train"/> (null: raw text, no trees).</summary>
    public int[]? TrainHeads { get; }

    /// <summary>Head offsets parallel to <see cref="HeldOut"/> (null: raw text, no trees).</summary>
    public int[]? HeldOutHeads { get; }

    public long Paragraphs { get; }
    public string Key { get; }

    public bool HasTrees => TrainHeads is not null;

    private TokenCorpus(int[] train, int[] heldOut, long paragraphs, string key, int[]? trainHeads = null, int[]? heldOutHeads = null)
    {
        if (trainHeads is not null && trainHeads.Length != train.Length || heldOutHeads is not null && heldOutHeads.Length != heldOut.Length
            || (trainHeads is null) != (heldOutHeads is null))
            throw new ArgumentException("Head offsets must be given for both streams, one per piece.");
        Train = train;
        HeldOut = heldOut;
        TrainHeads = trainHeads;
        HeldOutHeads = heldOutHeads;
        Paragraphs = paragraphs;
        Key = key;
    }

    /// <summary>A corpus from ready-made piece streams (tests, fixtures), optionally with head offsets.</summary>
    public static TokenCorpus FromStreams(int[] train, int[] heldOut, string key, int[]? trainHeads = null, int[]? heldOutHeads = null) =>
        new(train, heldOut, 0, key, trainHeads, heldOutHeads);

    /// <summary>
    /// Builds the streams from parsed sentences in corpus order: consecutive sentences with the same paragraph (as
    /// <paramref name="paragraphOf"/> reads it from the sentence id) form a paragraph; paragraphs of fewer than
    /// <paramref name="minWords"/> words are dropped and every <paramref name="heldOutEvery"/>-th of the rest is held out,
    /// as in <see cref="Build"/>. Each word is encoded on its own (<see cref="WordPieceEncoder.EncodeWord"/>).
    /// </summary>
    public static TokenCorpus BuildParsed(IEnumerable<DependencySentence> sentences, Func<string, string> paragraphOf,
        WordPieceEncoder encoder, int sepId, string key, int heldOutEvery = 100, int minWords = 5)
    {
        var train = (Ids: new List<int>(1 << 20), Heads: new List<int>(1 << 20));
        var heldOut = (Ids: new List<int>(1 << 16), Heads: new List<int>(1 << 16));
        var paragraph = new List<DependencySentence>();
        string? current = null;
        long index = 0;
        void Flush()
        {
            if (paragraph.Count == 0 || paragraph.Sum(p => p.Count) < minWords) { paragraph.Clear(); return; }
            var target = index++ % heldOutEvery == heldOutEvery / 2 ? heldOut : train;
            foreach (var sentence in paragraph) AppendSentence(sentence, encoder, target.Ids, target.Heads);
            target.Ids.Add(sepId);
            target.Heads.Add(0);
            paragraph.Clear();
        }
        foreach (var sentence in sentences)
        {
            var id = paragraphOf(sentence.Id);
            if (id != current) { Flush(); current = id; }
            paragraph.Add(sentence);
        }
        Flush();
        return new TokenCorpus([.. train.Ids], [.. heldOut.Ids], index, key, [.. train.Heads], [.. heldOut.Heads]);
    }

    private static void AppendSentence(DependencySentence sentence, WordPieceEncoder encoder, List<int> ids, List<int> heads)
    {
        var start = new int[sentence.Count];
        for (var w = 0; w < sentence.Count; w++)
        {
            start[w] = ids.Count;
            ids.AddRange(encoder.EncodeWord(sentence.Words[w]));
        }
        for (var p = heads.Count; p < ids.Count; p++) heads.Add(0);
        for (var w = 0; w < sentence.Count; w++)
        {
            var head = sentence.Heads[w]; // 1-based, 0 = root
            if (head == 0) continue;
            if (head < 0 || head > sentence.Count)
                throw new InvalidDataException($"Sentence {sentence.Id}: word {w + 1} has head {head}, outside 0..{sentence.Count}.");
            heads[start[w]] = start[head - 1] - start[w];
        }
    }

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
            w.Write(HasTrees);
            if (HasTrees)
            {
                WriteInts(w, TrainHeads!);
                WriteInts(w, HeldOutHeads!);
            }
        });
    }

    /// <summary>Reads a cache file; null when it is missing or was built for another key.</summary>
    public static TokenCorpus? TryLoad(string path, string key)
    {
        if (!File.Exists(path)) return null;
        using var r = new BinaryReader(File.OpenRead(path));
        if (r.ReadInt32() != Magic) return null;
        var version = r.ReadInt32();
        if (version is not (1 or FormatVersion)) return null;
        var storedKey = r.ReadString();
        if (storedKey != key) return null;
        var paragraphs = r.ReadInt64();
        var train = ReadInts(r);
        var heldOut = ReadInts(r);
        if (version == 1 || !r.ReadBoolean()) return new TokenCorpus(train, heldOut, paragraphs, storedKey);
        return new TokenCorpus(train, heldOut, paragraphs, storedKey, ReadInts(r), ReadInts(r));
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
