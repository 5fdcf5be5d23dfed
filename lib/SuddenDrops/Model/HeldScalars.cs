using TorchSharp;

namespace SuddenDrops.Model;

/// <summary>
/// Scalars that TorchSharp 0.107 would otherwise make itself and leave to the finaliser: <c>a + b</c> of two tensors is
/// <c>a.add(b)</c>, which is <c>a.add(b, 1)</c> with an implicit, unheld <c>Scalar</c> 1 (also <c>add_(Tensor)</c>,
/// <c>add(Scalar)</c> and <c>arange(stop)</c>, which makes 0 and 1). A garbage collection on another thread can free such a
/// temporary while libtorch reads it (environment.md, "Scalars"). Write <c>a.add(b, One)</c> instead: these live as long
/// as the process and are only ever read, so every thread can share them.
/// </summary>
public static class HeldScalars
{
    /// <summary>1, the <c>alpha</c> of a plain sum: <c>a.add(b, One)</c> is <c>a + b</c>, bit for bit.</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>0, the start of <c>arange(Zero, stop, One)</c>.</summary>
    public static readonly Scalar Zero = 0.ToScalar();
}
