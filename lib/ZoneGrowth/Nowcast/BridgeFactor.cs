namespace ZoneGrowth.Nowcast;

/// <summary>
/// One multiplicative step of a bridge with its errors on the log scale, e.g. "revenue ÷ added value
/// in 2021 = 2.981", "share of GDP 2023 = 0.75 (about)", "real GDP growth 2024 = 1.050 × the zone's
/// price growth". The zone's price growth p (ln(1 + inflation) a year) enters as a power: the factor
/// is Value · e^(PriceYears · p), since the price split of a revised level is not published but
/// integrated over (<see cref="ZonePricePrior"/>).
/// </summary>
/// <param name="Name">What the factor is.</param>
/// <param name="Value">Its value at p = 0.</param>
/// <param name="Evidence">Where it comes from: the figures, rows or formula.</param>
/// <param name="PriceYears">How many years of the zone's price growth it carries (negative when divided by them).</param>
/// <param name="Terms">Its errors: the components and how they enter.</param>
public sealed record BridgeFactor(string Name, double Value, string Evidence, int PriceYears, IReadOnlyList<ErrorTerm> Terms)
{
    /// <summary>A factor with one error of its own (or none when <paramref name="sd"/> is 0).</summary>
    public static BridgeFactor Published(string name, double value, string evidence, double sd, int priceYears = 0) =>
        new(name, value, evidence, priceYears, sd > 0 ? [new ErrorTerm(new ErrorComponent(name, sd), 1)] : []);

    /// <summary>Its standard deviation on the log scale at the estimated scales (without the price growth).</summary>
    public double LogSd => Math.Sqrt(Terms.Sum(t => Math.Pow(t.Loading * t.Component.Sd, 2)));

    /// <summary>The factor divided by: 1 ÷ value, the price years and loadings negated.</summary>
    public BridgeFactor Inverse(string name) =>
        new(name, 1 / Value, Evidence, -PriceYears, Terms.Select(t => t with { Loading = -t.Loading }).ToArray());
}
