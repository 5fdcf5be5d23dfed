namespace SuddenDrops.Training;

/// <summary>The four training regimes of the paper's causal experiments (Chen et al. 2024, §4).</summary>
public enum SasVariantKind
{
    /// <summary>"base": no regulariser (λ = 0), but the same labelled share of each batch, so runs stay comparable.</summary>
    Baseline,

    /// <summary>"sas+": promotes Syntactic Attention Structure, λ = −|λ| (attention on gold edges lowers the loss).</summary>
    SasPlus,

    /// <summary>"sas-": suppresses Syntactic Attention Structure for the whole run, λ = +|λ|.</summary>
    SasMinus,

    /// <summary>"sas-@k": suppresses until step k, then releases (λ = 0 from step k on).</summary>
    SasMinusReleased,
}
