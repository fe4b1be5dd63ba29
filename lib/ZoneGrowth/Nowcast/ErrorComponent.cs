namespace ZoneGrowth.Nowcast;

/// <summary>
/// One independent source of error on the log scale: a published figure's own noise, a year's drift
/// of a ratio, the zone's price growth. Components are identified by their key: two bridged values
/// that carry the same component (the same 2021 ratio, the same GDP level) share its error, which
/// makes them correlated, and a quantity that carries it twice (as a level and inside a revision)
/// counts it once with the loadings added.
/// </summary>
/// <param name="Key">What the error is, e.g. "drift of revenue ÷ GDP in 2023"; unique per source of error.</param>
/// <param name="Sd">Its standard deviation on the log scale at the scale's estimate.</param>
/// <param name="Scale">The estimated scale it is drawn at (its sd times that scale's uncertainty), or null for a standard deviation taken as known.</param>
public sealed record ErrorComponent(string Key, double Sd, ScaleParameter? Scale = null);
