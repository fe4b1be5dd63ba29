namespace ZoneGrowth.Targets;

/// <summary>One point of P(target met) against a fixed price growth of the zone.</summary>
/// <param name="PriceGrowth">The zone's price growth a year, as a rate (0.02 is +2 % a year).</param>
/// <param name="Probability">P(met) at that price growth, every other choice integrated over.</param>
/// <param name="OriginalBasis">P(met) at it when revenue stays on its original basis.</param>
/// <param name="RevisedBasis">P(met) at it when revenue moves with the census revision (equal to <paramref name="OriginalBasis"/> when there was no revision).</param>
/// <param name="PriorDensity">The prior's density at it, per unit of rate (the area under the curve is 1).</param>
/// <param name="PosteriorDensity">Its density given all the evidence (the prior × what the rows, bounds and silence say of it), per unit of rate.</param>
public sealed record PriceCurvePoint(double PriceGrowth, double Probability, double OriginalBasis, double RevisedBasis, double PriorDensity, double PosteriorDensity)
{
    /// <summary>The price growth on the log scale, ln(1 + rate).</summary>
    public double LogPrice { get; init; } = Math.Log(1 + PriceGrowth);
}
