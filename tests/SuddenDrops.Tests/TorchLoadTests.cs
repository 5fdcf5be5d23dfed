using static TorchSharp.torch;

namespace SuddenDrops.Tests;

/// <summary>Proves the Debian 12 load fix: libtorch and libLibTorchSharp load and compute.</summary>
public class TorchLoadTests
{
    [Fact]
    public void Creates_and_reduces_a_tensor_on_the_cpu()
    {
        using var t = arange(1, 5, dtype: ScalarType.Float32); // 1 2 3 4
        using var sum = t.sum();
        Assert.Equal(10f, sum.item<float>());
        Assert.Equal(TorchSharp.DeviceType.CPU, t.device_type);
    }
}
