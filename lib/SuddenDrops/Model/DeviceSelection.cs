using static TorchSharp.torch;

namespace SuddenDrops.Model;

/// <summary>Turns "cpu", "cuda", "cuda:N" or "auto" into a torch device, with a clear error when CUDA is missing.</summary>
public static class DeviceSelection
{
    public static Device Resolve(string name)
    {
        CpuRuntime.ConfigureAllocator();
        var n = name.Trim().ToLowerInvariant();
        if (n == "auto") n = cuda.is_available() ? "cuda" : "cpu";
        if (n == "cpu") return CPU;
        if (n.StartsWith("cuda", StringComparison.Ordinal))
        {
            if (!cuda.is_available())
                throw new InvalidOperationException(
                    $"Device '{name}' was asked for, but CUDA is not available to libtorch here. " +
                    "Build with -p:TorchBackend=cuda-linux (or cuda-windows), or run where PyTorch's CUDA libtorch is on LD_LIBRARY_PATH (see environment.md).");
            backends.cuda.matmul.allow_tf32 = true; // TF32 tensor-core matmuls, as in the reference run
            backends.cudnn.allow_tf32 = true;
            return device(n);
        }
        throw new ArgumentException($"Unknown device '{name}': use cpu, cuda, cuda:N or auto.");
    }
}
