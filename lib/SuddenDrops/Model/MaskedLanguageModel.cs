using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static SuddenDrops.Model.HeldScalars;

namespace SuddenDrops.Model;

/// <summary>
/// BERT as published (Devlin et al. 2019) for masked-language modelling: embeddings, a stack of
/// post-LayerNorm encoder blocks and the tied MLM head. Every block can hand back its attention
/// probabilities, which the implicit-parse UAS and the syntactic regulariser read.
/// </summary>
public sealed class MaskedLanguageModel : nn.Module
{
    private readonly BertEmbeddings embeddings;
    private readonly ModuleList<EncoderLayer> layers;
    private readonly MlmHead head;

    public BertConfig Config { get; }

    /// <summary>
    /// Arithmetic of the matmuls (default fp32). With bf16 the parameters stay fp32 (the optimizer's master weights)
    /// and are cast per use; see <see cref="MixedPrecision"/>. Changing it needs no re-initialisation.
    /// </summary>
    public Precision Precision
    {
        get => precision;
        set
        {
            var matmulType = MixedPrecision.MatmulType(value);
            foreach (var layer in layers) layer.MatmulType = matmulType;
            head.MatmulType = matmulType;
            precision = value;
        }
    }

    private Precision precision = Precision.Fp32;

    /// <summary>
    /// Implementation of dropout and attention (default <see cref="Kernels.Reference"/>, what runs before it existed
    /// used); <see cref="Kernels.Fast"/> is the same model with faster CPU kernels and other random draws.
    /// </summary>
    public Kernels Kernels
    {
        get => kernels;
        set
        {
            embeddings.Kernels = value;
            foreach (var layer in layers) layer.Kernels = value;
            kernels = value;
        }
    }

    private Kernels kernels = Kernels.Reference;

    public MaskedLanguageModel(BertConfig config, long padId = 0) : base(nameof(MaskedLanguageModel))
    {
        Config = config.Validate();
        embeddings = new BertEmbeddings(config, padId);
        layers = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new EncoderLayer(config)).ToArray());
        head = new MlmHead(config);
        RegisterComponents();
        WeightInit.Apply(this, config.InitStd);
        embeddings.ZeroPaddingRow();
    }

    /// <summary>Runs the encoder.</summary>
    /// <param name="inputIds">[B, T] piece ids.</param>
    /// <param name="attentionMask">
    /// [B, T], 1 (or true) for real tokens, 0 for padding; null when there is no padding, which lets
    /// <c>scaled_dot_product_attention</c> pick a kernel without a mask input (flash attention in bf16 on CUDA).
    /// </param>
    /// <param name="tokenTypes">[B, T] segment ids, or null.</param>
    /// <remarks>Hidden states and attention probabilities are fp32 in every <see cref="Precision"/>.</remarks>
    public EncoderOutput Encode(Tensor inputIds, Tensor? attentionMask, Tensor? tokenTypes = null,
        bool returnAttentions = false, bool returnHiddenStates = false)
    {
        using var scope = NewDisposeScope();
        var x = embeddings.Forward(inputIds, tokenTypes); // [B, T, D] fp32
        var additive = attentionMask is null ? null : AdditiveMask(attentionMask, MixedPrecision.MatmulType(precision) ?? x.dtype); // [B, 1, 1, T]
        var attentions = returnAttentions ? new List<Tensor>(layers.Count) : null;
        var states = returnHiddenStates ? new List<Tensor>(layers.Count + 1) { x } : null;
        foreach (var layer in layers)
        {
            x = layer.Forward(x, additive, returnAttentions, out var probs);
            if (probs is not null) attentions!.Add(probs);
            states?.Add(x);
        }
        x.MoveToOuterDisposeScope();
        foreach (var a in attentions ?? []) a.MoveToOuterDisposeScope();
        foreach (var s in states ?? []) s.MoveToOuterDisposeScope();
        return new EncoderOutput(x, attentions, states);
    }

    /// <summary>
    /// Evaluation only: the encoder output at one position per row, [B, D] fp32, equal to <see cref="Encode"/>'s hidden
    /// state there. Every block but the last runs over all positions; the last computes only the kept positions' queries
    /// (<see cref="EncoderLayer.ForwardAt"/>), since nothing after it reads the others. Pseudo-log-likelihood scoring reads
    /// one masked position per row, so this saves most of the last block (its FFN, output projection and T − 1 of T
    /// attention rows).
    /// </summary>
    /// <param name="inputIds">[B, T] piece ids.</param>
    /// <param name="attentionMask">[B, T] 1 for real tokens, 0 for padding, or null.</param>
    /// <param name="rowPositions">[B] the position kept in each row (0 ≤ p_b &lt; T).</param>
    public Tensor EncodeAt(Tensor inputIds, Tensor? attentionMask, Tensor rowPositions)
    {
        if (training) throw new InvalidOperationException("EncodeAt is for evaluation; call eval() first.");
        using var scope = NewDisposeScope();
        long b = inputIds.shape[0], t = inputIds.shape[1];
        var x = embeddings.Forward(inputIds, null); // [B, T, D] fp32
        var additive = attentionMask is null ? null : AdditiveMask(attentionMask, MixedPrecision.MatmulType(precision) ?? x.dtype); // [B, 1, 1, T]
        for (var i = 0; i < layers.Count - 1; i++)
            x = layers[i].Forward(x, additive, false, out _);
        using var rowCount = b.ToScalar(); // held through the native calls (environment.md, "Scalars")
        using var rowLength = t.ToScalar();
        var flatPositions = arange(Zero, rowCount, One, dtype: ScalarType.Int64, device: inputIds.device).mul(rowLength).add(rowPositions, One); // [B] b·T + p_b
        return layers[layers.Count - 1].ForwardAt(x, additive, flatPositions).MoveToOuterDisposeScope(); // [B, D] fp32
    }

    /// <summary>MLM logits of encoder outputs already selected: [M, D] → [M, V] fp32.</summary>
    public Tensor Predict(Tensor selected) => head.Forward(selected, embeddings.WordWeight);

    /// <summary>MLM logits at selected positions only.</summary>
    /// <param name="hidden">[B, T, D] encoder output.</param>
    /// <param name="flatPositions">[M] indices into the flattened B·T positions.</param>
    /// <returns>[M, V] fp32</returns>
    public Tensor PredictAt(Tensor hidden, Tensor flatPositions)
    {
        using var flat = hidden.reshape(-1, hidden.shape[2]);     // [B·T, D]
        using var selected = flat.index_select(0, flatPositions); // [M, D]
        return head.Forward(selected, embeddings.WordWeight);
    }

    /// <summary>0 where the key is a real token, the dtype's lowest value where it is padding: [B, 1, 1, T].</summary>
    public static Tensor AdditiveMask(Tensor attentionMask, ScalarType dtype)
    {
        // The Scalars are held in usings so that they stay alive through the native calls: an implicit → Scalar temporary
        // can be finalised mid-call (seen once as a "toFloat" check failure in libtorch after an hour of evaluations).
        using var padding = 0.ToScalar();
        using var isPad = attentionMask.eq(padding).unsqueeze(1).unsqueeze(2); // [B, 1, 1, T]
        using var zero = zeros(isPad.shape, dtype, attentionMask.device);
        using var lowest = finfo(dtype).min.ToScalar(); // finite: a cast of float.MinValue to bf16 would round to −∞
        return zero.masked_fill(isPad, lowest);
    }

    /// <summary>Number of trainable values (the tied decoder counted once).</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());
}
