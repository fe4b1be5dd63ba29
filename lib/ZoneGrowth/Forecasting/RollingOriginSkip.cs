namespace ZoneGrowth.Forecasting;

/// <summary>A model that could not be fitted at an origin of a rolling-origin evaluation, and why.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Origin">The last year of data it was to be fitted to.</param>
/// <param name="Reason">The fitting error's message (typically: too few points).</param>
public sealed record RollingOriginSkip(string Model, int Origin, string Reason);
