using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static SuddenDrops.Model.HeldScalars;

namespace SuddenDrops.Training;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter 2019) over one flat buffer: every parameter of the model becomes a view into a single
/// fp32 vector θ, and every gradient a view into a single vector g, so one update is a dozen kernels over N values
/// instead of a dozen per parameter (a multi-tensor optimizer, as PyTorch's <c>foreach</c>/<c>fused</c> AdamW):
/// <code>
///   θ ← θ · (1 − η·λ_wd)                        (decoupled weight decay; decayed parameters only)
///   m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²
///   θ ← θ − η / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
/// </code>
/// The arithmetic is TorchSharp's <c>AdamW.step</c> (PyTorch's single-tensor AdamW) with the bias correction of v folded
/// into ε and the step size (equal to float rounding; tested against it), with BERT's two groups (<see cref="OptimizerFactory.IsDecayed"/>): the decayed parameters lie first in θ, so decay is
/// one kernel over a prefix. Global-norm clipping (<see cref="ClipGradNorm"/>) is one norm of g.
/// <para>
/// Checkpoints keep TorchSharp's <c>AdamW</c> state format (<see cref="Save"/>/<see cref="Load"/> go through an
/// <see cref="AdamW"/> of the same groups), so optimizer states written before this class existed load unchanged.
/// </para>
/// </summary>
public sealed class FlatAdamW : IDisposable
{
    private readonly nn.Module model;
    private readonly OptimizerConfig config;
    private readonly Parameter[] order;   // decayed first, then the rest (OptimizerFactory's group order)
    private readonly long[] offsets;      // offsets[i]: where order[i] starts in θ
    private readonly long decayedCount;   // θ[0 .. decayedCount) are decayed
    private readonly Tensor theta;        // [N] every parameter is a view into it
    private readonly Tensor grad;         // [N] every gradient is a view into it
    private readonly Tensor expAvg;       // [N] m
    private readonly Tensor expAvgSq;     // [N] v
    private readonly Tensor decayed;      // [decayedCount] view of θ
    private readonly Tensor[] gradViews;  // gradViews[i]: order[i]'s gradient, a view of g
    private readonly Tensor oneMinusBeta1; // [] 1 − β₁, lerp's weight
    private long step;

    /// <summary>Flattens <paramref name="model"/>'s trainable parameters (already on their device) into one buffer.</summary>
    public FlatAdamW(nn.Module model, OptimizerConfig config)
    {
        this.model = model;
        this.config = config;
        var named = model.named_parameters().Where(p => p.parameter.requires_grad).ToList();
        var decay = named.Where(p => OptimizerFactory.IsDecayed(p.name, p.parameter)).Select(p => p.parameter).ToList();
        var plain = named.Where(p => !OptimizerFactory.IsDecayed(p.name, p.parameter)).Select(p => p.parameter).ToList();
        order = [.. decay, .. plain];
        if (order.Length == 0) throw new ArgumentException("The model has no trainable parameters.");
        var device = order[0].device;
        var dtype = order[0].dtype;
        if (order.Any(p => p.device_type != device.type || p.device_index != device.index || p.dtype != dtype))
            throw new ArgumentException("FlatAdamW needs every parameter on one device and in one dtype.");
        decayedCount = decay.Sum(p => p.numel());
        offsets = new long[order.Length];
        for (int i = 1; i < order.Length; i++) offsets[i] = offsets[i - 1] + order[i - 1].numel();
        long total = order.Sum(p => p.numel());
        theta = zeros(total, dtype, device);
        grad = zeros(total, dtype, device);
        expAvg = zeros(total, dtype, device);
        expAvgSq = zeros(total, dtype, device);
        gradViews = new Tensor[order.Length];
        using (no_grad())
            for (int i = 0; i < order.Length; i++)
            {
                using var values = View(theta, i);
                values.copy_(order[i]);
                order[i].set_(values);              // the parameter now lives in θ
                gradViews[i] = View(grad, i);
                order[i].grad = gradViews[i];       // and autograd accumulates into g in place (AccumulateGrad: grad += new)
            }
        decayed = theta.narrow(0, 0, decayedCount);
        oneMinusBeta1 = tensor(1 - config.Beta1, dtype, device);
    }

    /// <summary>Learning rate of the next <see cref="Step"/> (set by the schedule every step).</summary>
    public double LearningRate { get; set; }

    /// <summary>Updates taken so far (Adam's t).</summary>
    public long StepCount => step;

    /// <summary>g ← 0, in place (the gradients stay views of g).</summary>
    public void ZeroGrad()
    {
        grad.zero_();
        // Re-attach the views: a module's own zero_grad (which sets gradients to null) must not silently detach them.
        for (int i = 0; i < order.Length; i++) order[i].grad = gradViews[i];
    }

    /// <summary>
    /// Global 2-norm clipping (Pascanu et al. 2013; <c>torch.nn.utils.clip_grad_norm_</c>): g ← g · min(1, max / (‖g‖ + 1e-6)).
    /// </summary>
    /// <returns>‖g‖ before clipping, a 0-dim tensor on the device (no host round trip).</returns>
    public Tensor ClipGradNorm(double maxNorm) => GradientClipping.ClipGlobalNorm([grad], maxNorm);

    /// <summary>One AdamW update of θ from g.</summary>
    public void Step()
    {
        using var noGrad = no_grad();
        step++;
        double lr = LearningRate, beta1 = config.Beta1, beta2 = config.Beta2;
        double biasCorrection1 = 1 - Math.Pow(beta1, step);
        double biasCorrection2 = 1 - Math.Pow(beta2, step);
        double sqrtBc2 = Math.Sqrt(biasCorrection2);
        // Scalars held in usings: TorchSharp 0.107 can finalise an implicit double → Scalar temporary mid-call
        // (see MaskedLanguageModel.AdditiveMask).
        using var decay = (1 - lr * config.WeightDecay).ToScalar();
        using var beta2Scalar = beta2.ToScalar();
        using var oneMinusBeta2 = (1 - beta2).ToScalar();
        using var epsilon = (config.Epsilon * sqrtBc2).ToScalar();
        using var stepSize = (-(lr * sqrtBc2 / biasCorrection1)).ToScalar();
        if (config.WeightDecay != 0 && decayedCount > 0) decayed.mul_(decay);
        expAvg.lerp_(grad, oneMinusBeta1);                            // m ← m + (1 − β₁)(g − m) = β₁ m + (1 − β₁) g, one pass
        expAvgSq.mul_(beta2Scalar).addcmul_(grad, grad, oneMinusBeta2); // v ← β₂ v + (1 − β₂) g²
        // m / (√v / √bc₂ + ε) · η / bc₁  =  m / (√v + ε √bc₂) · η √bc₂ / bc₁: the bias correction folded into ε and the
        // step size saves two passes over N values
        using var denominator = expAvgSq.sqrt().add_(epsilon, One);
        theta.addcdiv_(expAvg, denominator, stepSize);
    }

    /// <summary>Writes the state in TorchSharp's <see cref="AdamW"/> format (two groups, per-parameter m, v and t).</summary>
    public void Save(string path)
    {
        using var adam = OptimizerFactory.Create(model, config);
        var states = PerParameterStates(adam);
        using (no_grad())
            for (int i = 0; i < order.Length; i++)
            {
                states[i].step = step;
                states[i].exp_avg.copy_(View(expAvg, i));
                states[i].exp_avg_sq.copy_(View(expAvgSq, i));
            }
        adam.save_state_dict(path);
    }

    /// <summary>Reads a state written by <see cref="Save"/> or by TorchSharp's <see cref="AdamW"/>.</summary>
    public void Load(string path)
    {
        using var adam = OptimizerFactory.Create(model, config);
        adam.load_state_dict(path);
        var states = PerParameterStates(adam);
        var steps = states.Select(s => s.step).Distinct().ToList();
        if (steps.Count != 1)
            throw new InvalidDataException($"{path}: the parameters are at different Adam steps ({string.Join(", ", steps)}); this optimizer keeps one step for all.");
        step = steps[0];
        using (no_grad())
            for (int i = 0; i < order.Length; i++)
            {
                View(expAvg, i).copy_(states[i].exp_avg);
                View(expAvgSq, i).copy_(states[i].exp_avg_sq);
            }
    }

    public void Dispose()
    {
        foreach (var view in gradViews) view.Dispose();
        oneMinusBeta1.Dispose();
        decayed.Dispose();
        theta.Dispose();
        grad.Dispose();
        expAvg.Dispose();
        expAvgSq.Dispose();
    }

    /// <summary>The AdamW states in parameter order (group by group, as <see cref="order"/>).</summary>
    private AdamW.State[] PerParameterStates(AdamW adam)
    {
        var states = adam.state_dict().State.Cast<AdamW.State>().ToArray();
        if (states.Length != order.Length)
            throw new InvalidDataException($"Optimizer state for {states.Length} parameters, the model has {order.Length}.");
        return states;
    }

    private Tensor View(Tensor flat, int index) => flat.narrow(0, offsets[index], order[index].numel()).view(order[index].shape);
}
