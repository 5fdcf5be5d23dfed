using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SuddenDrops.Training;

/// <summary>Builds AdamW with two parameter groups: decayed (matrices, embeddings) and not decayed (biases, LayerNorm).</summary>
public static class OptimizerFactory
{
    public static AdamW Create(nn.Module model, OptimizerConfig config)
    {
        var decayed = new List<Parameter>();
        var plain = new List<Parameter>();
        foreach (var (name, p) in model.named_parameters())
        {
            if (!p.requires_grad) continue;
            (IsDecayed(name, p) ? decayed : plain).Add(p);
        }
        var groups = new[]
        {
            new AdamW.ParamGroup(decayed, new AdamW.Options { LearningRate = config.LearningRate, beta1 = config.Beta1, beta2 = config.Beta2, eps = config.Epsilon, weight_decay = config.WeightDecay }),
            new AdamW.ParamGroup(plain, new AdamW.Options { LearningRate = config.LearningRate, beta1 = config.Beta1, beta2 = config.Beta2, eps = config.Epsilon, weight_decay = 0.0 }),
        };
        return optim.AdamW(groups, config.LearningRate, config.Beta1, config.Beta2, config.Epsilon, config.WeightDecay);
    }

    /// <summary>BERT's rule: no decay on biases and LayerNorm weights (1-D parameters).</summary>
    public static bool IsDecayed(string name, Parameter p) => p.dim() >= 2 && !name.Contains("norm", StringComparison.OrdinalIgnoreCase);

    public static void SetLearningRate(AdamW optimizer, double lr)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
    }
}
