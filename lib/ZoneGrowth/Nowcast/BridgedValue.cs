using System.Globalization;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// A value of the target series for a year where it is not published, bridged from related figures:
/// the product of its factors, log-normal given the zone's price growth p and the estimated scales,
/// with the sum of its error components (each counted once). Marked as a nowcast; never written back
/// to the data files.
/// </summary>
/// <param name="Year">The year nowcast.</param>
/// <param name="Route">The related indicator it is bridged through.</param>
/// <param name="Basis">Whether revenue is taken to stay on its original basis or to move with a census revision.</param>
/// <param name="Factors">The factors multiplied.</param>
public sealed record BridgedValue(int Year, RevenueBridge Route, RevenueBasis Basis, IReadOnlyList<BridgeFactor> Factors)
{
    /// <summary>ln of the value at p = 0: the sum of the factors' logs.</summary>
    public double LogConstant => Factors.Sum(f => Math.Log(f.Value));

    /// <summary>How many years of the zone's price growth the value carries.</summary>
    public int PriceYears => Factors.Sum(f => f.PriceYears);

    /// <summary>The error components with their total loadings (a component in two factors counted once; zero loadings dropped).</summary>
    public IReadOnlyList<ErrorTerm> Terms =>
        Factors.SelectMany(f => f.Terms)
            .GroupBy(t => t.Component)
            .Select(g => new ErrorTerm(g.Key, g.Sum(t => t.Loading)))
            .Where(t => Math.Abs(t.Loading) > 1e-12)
            .ToArray();

    /// <summary>The median value at the zone's price growth <paramref name="priceGrowth"/> (ln(1 + inflation) a year).</summary>
    public double Median(double priceGrowth) => Math.Exp(LogConstant + (PriceYears * priceGrowth));

    /// <summary>Its standard deviation on the log scale at the estimated scales, for a given price growth (the price growth's own uncertainty is not in it).</summary>
    public double LogSd => Math.Sqrt(Terms.Sum(t => Math.Pow(t.Loading * t.Component.Sd, 2)));

    /// <summary>The rule as a line: "6182.3 × (1 + p)² = 2.981 (revenue ÷ added value, 2021) × 0.75 (…) × …".</summary>
    public string Rule
    {
        get
        {
            var prices = PriceYears switch
            {
                0 => string.Empty,
                1 => " × (1 + p)",
                -1 => " ÷ (1 + p)",
                2 => " × (1 + p)²",
                3 => " × (1 + p)³",
                -2 => " ÷ (1 + p)²",
                _ => string.Create(CultureInfo.InvariantCulture, $" × (1 + p)^{PriceYears}"),
            };
            var product = string.Join(" × ", Factors.Where(f => f.Value != 1).Select(f => string.Create(CultureInfo.InvariantCulture, $"{Format(f.Value)} ({f.Name})")));
            return string.Create(CultureInfo.InvariantCulture, $"{Median(0):#,0.0}{prices} = {product}{prices}");
        }
    }

    private static string Format(double value) =>
        value.ToString(value >= 100 ? "#,0.0" : value >= 10 ? "0.00" : "0.0000", CultureInfo.InvariantCulture);
}
