using System.Runtime.InteropServices;

namespace SuddenDrops.Model;

/// <summary>
/// Process-wide settings that make libtorch fast on a CPU, and what the CPU can do.
/// <para>
/// <b>Allocator.</b> A training step allocates and frees the same few hundred tensors every step. glibc's malloc serves
/// blocks above its (dynamic) mmap threshold with fresh <c>mmap</c>s and gives freed heap memory back to the kernel, so
/// every step page-faults its activations in again: on the 2-core lab machine page faults and the allocator were 10.7 % of
/// the tiny preset's one-thread profile (bench/RESULTS.md, "Where the time goes"). <see cref="ConfigureAllocator"/> keeps blocks up
/// to 32 MiB (glibc's maximum threshold) on the heap and never trims it: the memory of one step is reused by the next.
/// </para>
/// </summary>
public static class CpuRuntime
{
    private const int MallocTrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int MallocTopPad = -2;        // M_TOP_PAD
    private const int MallocMmapThreshold = -3; // M_MMAP_THRESHOLD

    private static int configured;

    /// <summary>
    /// Keeps freed memory in the process (glibc on Linux; a no-op elsewhere). Idempotent and cheap; called by
    /// <see cref="DeviceSelection.Resolve"/>, so every command that picks a device has it.
    /// </summary>
    public static void ConfigureAllocator()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1 || !OperatingSystem.IsLinux()) return;
        try
        {
            mallopt(MallocMmapThreshold, 32 << 20);   // serve blocks up to 32 MiB from the heap
            mallopt(MallocTrimThreshold, int.MaxValue); // never give the heap's top back
            mallopt(MallocTopPad, 256 << 20);         // and grow it in 256 MiB steps
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // not glibc (musl): its allocator has no such knobs
        }
    }

    /// <summary>
    /// Whether the CPU multiplies bf16 matrices natively (AVX512-BF16 or AMX-BF16): then bf16 matmuls run about 4× faster
    /// than fp32 on it (oneDNN), and <see cref="Precision"/> "auto" picks bf16. Read from <c>/proc/cpuinfo</c> (Linux);
    /// false where that file is missing.
    /// </summary>
    public static bool HasBf16Matmul => hasBf16Matmul.Value;

    private static readonly Lazy<bool> hasBf16Matmul = new(() => CpuFlags().Overlaps(["avx512_bf16", "amx_bf16"]));

    /// <summary>The flags of the first processor in <c>/proc/cpuinfo</c> (empty where there is none).</summary>
    public static IReadOnlySet<string> CpuFlags() =>
        (CpuInfo("flags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>The processor's model name from <c>/proc/cpuinfo</c>, or the architecture where there is none.</summary>
    public static string ModelName() => CpuInfo("model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    /// <summary>The value of the first processor's <paramref name="field"/> in <c>/proc/cpuinfo</c>, or null.</summary>
    private static string? CpuInfo(string field)
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo)) return null;
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
