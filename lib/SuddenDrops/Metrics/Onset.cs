namespace SuddenDrops.Metrics;

/// <summary>
/// A sudden rise of a metric found by <see cref="OnsetDetector"/>. Steps are in the caller's units; values are
/// the smoothed metric, in its own sign (for <see cref="RiseDirection.Falling"/> the "rise" is a drop).
/// </summary>
/// <param name="StructureOnsetStep">▲: step of maximal acceleration before the steepest rise (the rise begins).</param>
/// <param name="InflectionStep">Step of maximal velocity (steepest rise).</param>
/// <param name="CapabilitiesOnsetStep">⏺: step of minimal acceleration after the steepest rise (the plateau begins).</param>
/// <param name="ValueAtStructureOnset">Smoothed metric at ▲.</param>
/// <param name="ValueAtCapabilitiesOnset">Smoothed metric at ⏺.</param>
/// <param name="FlankStartStep">Start of the rising flank: the velocity is at least FlankFraction of its peak from here…</param>
/// <param name="FlankEndStep">…to here.</param>
/// <param name="Rise">Change of the smoothed metric across the flank (in the analysed direction, so positive for a drop too).</param>
/// <param name="RiseFraction">Rise / range of the smoothed series.</param>
/// <param name="Sharpness">RiseFraction / (flank width / span): how much steeper than the series' average rise.</param>
/// <param name="RiseOverNoise">Rise / checkpoint noise level (∞ for noise-free series).</param>
/// <param name="AccelerationZ">Acceleration at ▲ / its noise sd: how well ▲ is located (see <see cref="OnsetDetector"/>).</param>
/// <param name="IsSignificant">Whether all thresholds of <see cref="OnsetOptions"/> are met.</param>
public sealed record Onset(
    double StructureOnsetStep,
    double InflectionStep,
    double CapabilitiesOnsetStep,
    double ValueAtStructureOnset,
    double ValueAtCapabilitiesOnset,
    double FlankStartStep,
    double FlankEndStep,
    double Rise,
    double RiseFraction,
    double Sharpness,
    double RiseOverNoise,
    double AccelerationZ,
    bool IsSignificant);
