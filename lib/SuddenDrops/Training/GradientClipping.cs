using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SuddenDrops.Training;

/// <summary>
/// Global gradient-norm clipping (Pascanu et al. 2013) that stays on the device: the same arithmetic as
/// <c>torch.nn.utils.clip_grad_norm_</c> (norm of the per-parameter 2-norms; coefficient max / (norm + 1e-6)
/// clamped at 1), but it returns the norm as a tensor, where TorchSharp's <c>nn.utils.clip_grad_norm_</c> returns a
/// double and so waits for the GPU on every step.
/// </summary>
public static class GradientClipping
{
    /// <summary>Scales all gradients in place so their joint 2-norm is at most <paramref name="maxNorm"/>.</summary>
    /// <returns>The joint norm before clipping, a 0-dim fp32 tensor on the parameters' device (read it only when logging).</returns>
    public static Tensor ClipGlobalNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        using var scope = NewDisposeScope();
        return ClipGlobalNorm(parameters.Select(p => p.grad).OfType<Tensor>().ToList(), maxNorm).MoveToOuterDisposeScope();
    }

    /// <summary>The same over gradient tensors (one flat gradient: <see cref="FlatAdamW.ClipGradNorm"/>).</summary>
    public static Tensor ClipGlobalNorm(IReadOnlyList<Tensor> grads, double maxNorm)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        if (grads.Count == 0) return zeros(1).squeeze().MoveToOuterDisposeScope();
        var total = grads.Count == 1 ? grads[0].norm() : stack(grads.Select(g => g.norm())).norm(); // []
        using Scalar max = maxNorm.ToScalar(), epsilon = 1e-6.ToScalar(), one = 1.0.ToScalar(); // held: environment.md, "Scalars"
        var coefficient = (full_like(total, max) / total.add(epsilon, one)).clamp_max(one);
        foreach (var g in grads) g.mul_(coefficient);
        return total.MoveToOuterDisposeScope();
    }
}
