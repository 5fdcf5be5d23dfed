using SuddenDrops.Model;
using static TorchSharp.torch;

namespace SuddenDrops.Tests.Model;

public class FastDropoutTests
{
    [Fact]
    public void Drops_p_of_the_values_and_keeps_the_expectation()
    {
        manual_seed(1);
        using var x = ones(1000, 1001); // an odd element count: the generator's last 64-bit word is used in part
        using var y = FastDropout.Apply(x, 0.1, training: true, Kernels.Fast);
        Assert.Equal(x.shape, y.shape);
        double dropped = y.eq(0).sum().item<long>() / (double)x.numel();
        Assert.InRange(dropped, 0.097, 0.103);                          // 1,001,000 draws: σ = 0.0003
        Assert.InRange(y.mean().item<float>(), 0.995, 1.005);          // E[y] = x
        var kept = y.masked_select(y.ne(0));
        Assert.Equal(65536.0 / (65536 - 6554), kept[0].item<float>(), 5); // scaled by 1 / (1 − q/65536)
    }

    [Fact]
    public void Neighboring_values_are_independent_and_each_uniform()
    {
        manual_seed(2);
        using var mask = FastDropout.KeepMask([200_000, 2], 0.5, CPU, ScalarType.Float32); // columns: neighbours in memory
        var keep = mask.gt(0);
        double left = keep[.., 0].to(ScalarType.Float64).mean().item<double>();
        double right = keep[.., 1].to(ScalarType.Float64).mean().item<double>();
        double both = keep[.., 0].logical_and(keep[.., 1]).to(ScalarType.Float64).mean().item<double>();
        Assert.InRange(left, 0.495, 0.505);
        Assert.InRange(right, 0.495, 0.505);
        Assert.InRange(both, 0.245, 0.255); // P(keep both) = 1/4 when independent
    }

    [Fact]
    public void Same_seed_same_mask_and_eval_or_reference_behave_as_libtorch()
    {
        using var x = randn(64, 64);
        manual_seed(3);
        using var a = FastDropout.Apply(x, 0.1, training: true, Kernels.Fast);
        manual_seed(3);
        using var b = FastDropout.Apply(x, 0.1, training: true, Kernels.Fast);
        Assert.True(a.allclose(b, 0, 0));

        using var eval = FastDropout.Apply(x, 0.1, training: false, Kernels.Fast);
        Assert.True(eval.allclose(x, 0, 0));

        manual_seed(4);
        using var reference = FastDropout.Apply(x, 0.1, training: true, Kernels.Reference);
        manual_seed(4);
        using var libtorch = nn.functional.dropout(x, 0.1, training: true);
        Assert.True(reference.allclose(libtorch, 0, 0)); // runs made before the fast kernels draw the same masks as before
    }
}
