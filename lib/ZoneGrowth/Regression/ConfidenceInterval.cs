namespace ZoneGrowth.Regression;

/// <summary>A two-sided interval [<see cref="Lower"/>, <see cref="Upper"/>] at a confidence <see cref="Level"/> (for example 0.95).</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Confidence level in (0, 1).</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level);
