using System.Text.Json.Serialization;

namespace SuddenDrops.Training;

/// <summary>
/// The syntactic regulariser of a run (Chen et al. 2024, §4): L = L_MLM + λ·R with R from <see cref="SyntacticRegularizer"/>.
/// Absent from a run's config (null) means plain MLM training on raw text only; present with <see cref="SasVariant.Baseline"/>
/// means the same batches as the regularised variants (a labelled share from the treebank) with λ = 0.
/// <para>The labelled share and the treebank are always written, "treebank": null included: read back, a missing key takes the
/// parameter's default (a quarter of the batch, EWT train), which is right only for gold-row configs written before these keys
/// were (or that left out a share of 0).</para>
/// </summary>
/// <param name="Variant">base, sas+, sas-, sas-@k: sets the sign and the schedule of λ.</param>
/// <param name="Magnitude">|λ| ≥ 0; the variant gives the sign. See <see cref="DefaultMagnitude"/>.</param>
/// <param name="LabeledShare">Share of each batch drawn from the treebank's sentences (the rest is raw text); at least one row.</param>
/// <param name="Treebank">CoNLL-U file of gold trees, relative to the data root (or absolute).</param>
/// <param name="SilverTreebanks">Optional CoNLL-U files (plain or .gz) of parsed, "silver" trees (e.g. from <c>sdrops parse</c>),
/// relative to the data root (or absolute); their sentences join the gold ones as the pool of labelled rows. Null or empty: gold
/// only (and the key is left out of config.json, so runs without silver trees keep their exact config).</param>
/// <param name="Edges">Where the edges of R come from: <see cref="EdgeSource.LabeledRows"/> (treebank rows added to each batch,
/// the default of runs made before 2026-12-07) or <see cref="EdgeSource.TrainingRows"/> (the silver trees of the packed
/// training rows themselves, as in the paper; no labelled rows, LabeledShare 0 and no treebank).</param>
/// <param name="Scale">How λ is applied: <see cref="LambdaScale.Sum"/> (λ·R, R summed over the batch's directed edges, as in the
/// paper's code) or <see cref="LambdaScale.PerEdge"/> (λ·R/2E, so that λ does not depend on the batch's shape).</param>
public sealed record RegularizerConfig(
    SasVariant Variant,
    double Magnitude = RegularizerConfig.DefaultMagnitude,
    [property: JsonPropertyName("labelledShare")] double LabeledShare = RegularizerConfig.DefaultLabeledShare,
    string? Treebank = RegularizerConfig.EwtTrain,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? SilverTreebanks = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] EdgeSource Edges = EdgeSource.LabeledRows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] LambdaScale Scale = LambdaScale.Sum)
{
    /// <summary>The paper's design: edges of the training rows' own silver trees, λ per directed edge, no labelled rows.</summary>
    public static RegularizerConfig OnTrainingRows(SasVariant variant, double magnitude) =>
        new(variant, magnitude, LabeledShare: 0, Treebank: null, Edges: EdgeSource.TrainingRows, Scale: LambdaScale.PerEdge);

    /// <summary>
    /// Default |λ| = 0.001, chosen from the training logs (Training/Regularizer.md, "Choosing |λ|"). In the tiny preset a
    /// batch's 16 treebank sentences have about 450 directed gold edges, so |λ|·R can move the loss by at most ≈ 0.45 nats.
    /// Measured: at 0.001 SAS− drives R to ≈ 0 within 300 steps and SAS+ puts ≈ 0.75 of a head's attention on gold edges
    /// with λR ≈ −0.3 (5% of the MLM loss); at 0.01 SAS+'s λR reaches −3.5, a third of the objective, and the MLM stalls.
    /// </summary>
    public const double DefaultMagnitude = 0.001;

    /// <summary>
    /// Default |λ| per directed edge for the regulariser on the training rows' own trees (<see cref="LambdaScale.PerEdge"/>).
    /// Chosen on seed 9 by the rule in Training/Regularizer.md ("Choosing λ per edge"), written before those runs.
    /// </summary>
    public const double DefaultPerEdgeMagnitude = double.NaN;

    /// <summary>A quarter of each batch is treebank sentences by default.</summary>
    public const double DefaultLabeledShare = 0.25;

    /// <summary>UD English Web Treebank training split under the data root.</summary>
    public const string EwtTrain = "ud/en_ewt-ud-train.conllu";

    /// <summary>Signed λ at <paramref name="step"/> (see <see cref="SasVariant.LambdaAt"/>).</summary>
    public double LambdaAt(long step) => Variant.LambdaAt(step, Magnitude);

    /// <summary>Rows of a batch of <paramref name="batchSize"/> drawn from the treebank: round(share · B), at least 1, at most B − 1
    /// (none when the edges are the training rows').</summary>
    public int LabeledRows(int batchSize) => Edges == EdgeSource.TrainingRows ? 0 : Math.Clamp((int)Math.Round(LabeledShare * batchSize, MidpointRounding.AwayFromZero), 1, batchSize - 1);

    public RegularizerConfig Validate(int batchSize)
    {
        ArgumentNullException.ThrowIfNull(Variant, nameof(Variant));
        if (!(Magnitude >= 0) || double.IsInfinity(Magnitude))
            throw new ArgumentException($"The regulariser's magnitude |λ| must be finite and ≥ 0, got {Magnitude}; the variant ({Variant}) gives the sign.");
        if (Edges == EdgeSource.TrainingRows)
        {
            if (LabeledShare != 0 || Treebank is not null || SilverTreebanks is { Count: > 0 })
                throw new ArgumentException("A regulariser on the training rows' own trees takes no labelled rows: labelled share 0, no treebank, no silver treebanks.");
            return this;
        }
        if (!(LabeledShare > 0 && LabeledShare < 1))
            throw new ArgumentException($"The labelled share must be in (0, 1), got {LabeledShare}.");
        if (batchSize < 2)
            throw new ArgumentException($"A regularised run needs a batch of at least 2 rows (raw and labelled), got {batchSize}.");
        if (string.IsNullOrWhiteSpace(Treebank))
            throw new ArgumentException("The regulariser needs a treebank file.");
        if (SilverTreebanks?.Any(string.IsNullOrWhiteSpace) == true)
            throw new ArgumentException("A silver treebank path is empty.");
        return this;
    }
}
