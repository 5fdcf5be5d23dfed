using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SuddenDrops.Model;

/// <summary>
/// BERT's sentence(-pair) classifier for fine-tuning (Devlin et al. 2019, §4.1): the final hidden state of [CLS] goes
/// through the pooler (dense D → D, tanh), dropout and a linear output layer: <c>NumClasses</c> logits, or one real
/// value for a regression task (STS-B). The pretrained encoder is fine-tuned with it.
/// <para>
/// Our models are pretrained by MLM alone (no next-sentence prediction), so unlike BERT's the pooler has no pretrained
/// weights: pooler and output start from BERT's initialisation, N(0, InitStd²) weights and zero biases. The MLM head is
/// not used: its parameters are frozen (requires_grad false) so that no optimiser touches them.
/// </para>
/// </summary>
public sealed class SequenceClassifier : nn.Module
{
    private readonly MaskedLanguageModel encoder;
    private readonly Linear pooler;
    private readonly Dropout dropout;
    private readonly Linear output;

    /// <param name="encoder">The pretrained model; it becomes part of the classifier (and is changed by fine-tuning).</param>
    /// <param name="outputs">Classes, or 1 for regression.</param>
    /// <param name="dropout">Dropout before the output layer (default: the encoder's).</param>
    public SequenceClassifier(MaskedLanguageModel encoder, int outputs, double? dropout = null) : base(nameof(SequenceClassifier))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        this.encoder = encoder;
        Outputs = outputs;
        var hidden = encoder.Config.Hidden;
        pooler = nn.Linear(hidden, hidden);
        this.dropout = nn.Dropout(dropout ?? encoder.Config.Dropout);
        output = nn.Linear(hidden, outputs);
        RegisterComponents();
        using (no_grad())
        {
            foreach (var linear in new[] { pooler, output })
            {
                nn.init.normal_(linear.weight, 0, encoder.Config.InitStd);
                nn.init.zeros_(linear.bias);
            }
        }
        foreach (var head in encoder.modules().OfType<MlmHead>())
            foreach (var p in head.parameters()) p.requires_grad = false;
    }

    public MaskedLanguageModel Encoder => encoder;

    /// <summary>Classes, or 1 for regression.</summary>
    public int Outputs { get; }

    /// <param name="inputIds">[B, T] piece ids, [CLS] first.</param>
    /// <param name="attentionMask">[B, T], 1 for real pieces, 0 for padding.</param>
    /// <param name="tokenTypes">[B, T] segment ids, or null for all 0.</param>
    /// <returns>[B, Outputs] logits (or predicted values when Outputs is 1).</returns>
    public Tensor Forward(Tensor inputIds, Tensor attentionMask, Tensor? tokenTypes = null)
    {
        using var scope = NewDisposeScope();
        using var encoded = encoder.Encode(inputIds, attentionMask, tokenTypes);
        var cls = encoded.Hidden.select(1, 0);           // [B, D]
        var pooled = tanh(pooler.forward(cls));          // [B, D]
        return output.forward(dropout.forward(pooled)).MoveToOuterDisposeScope(); // [B, Outputs]
    }

    /// <summary>Cross-entropy against class indices, or mean squared error against real targets when Outputs is 1.</summary>
    /// <param name="outputs">[B, Outputs] from <see cref="Forward"/>.</param>
    /// <param name="labels">[B] class indices (int64) or targets (float).</param>
    public Tensor Loss(Tensor outputs, Tensor labels) => Outputs == 1
        ? nn.functional.mse_loss(outputs.squeeze(1), labels.to(outputs.dtype))
        : nn.functional.cross_entropy(outputs, labels.to(ScalarType.Int64));

    /// <summary>Predicted class index (as a float) or predicted value, one per row of <paramref name="outputs"/>.</summary>
    public float[] Predictions(Tensor outputs)
    {
        using var scope = NewDisposeScope();
        var values = Outputs == 1 ? outputs.squeeze(1) : outputs.argmax(1).to(ScalarType.Float32);
        return values.to(ScalarType.Float32).cpu().data<float>().ToArray();
    }
}
