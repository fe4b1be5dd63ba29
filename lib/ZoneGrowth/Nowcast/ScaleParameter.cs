using MathNet.Numerics.Distributions;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// A standard deviation estimated from a few observations, with its own uncertainty: s² estimated
/// from ν degrees of freedom, so that the true variance is s² · ν ÷ χ²_ν (the scaled inverse-χ²
/// posterior of a variance under the reference prior). Every error component that uses it shares
/// one draw of that factor, and a component carried at this scale is Student t with ν degrees of
/// freedom, not normal: the fewer the observations, the heavier the tails.
/// </summary>
/// <param name="Name">What is measured, e.g. "drift of revenue ÷ GDP per year".</param>
/// <param name="Sd">The estimate s (on the log scale).</param>
/// <param name="DegreesOfFreedom">ν: the number of independent squared deviations s² averages; positive infinity for a value taken as known.</param>
/// <param name="Evidence">Where it comes from: the figures and years, and the formula.</param>
public sealed record ScaleParameter(string Name, double Sd, double DegreesOfFreedom, string Evidence)
{
    /// <summary>The data rows it is estimated from (empty when it is not estimated from rows).</summary>
    public IReadOnlyList<Data.Observation> Rows { get; init; } = [];

    /// <summary>Whether the scale is taken as known (ν = ∞).</summary>
    public bool IsKnown => double.IsPositiveInfinity(DegreesOfFreedom);

    /// <summary>The 90 % interval of the true standard deviation: s·√(ν ÷ χ²_ν(0.95)) to s·√(ν ÷ χ²_ν(0.05)).</summary>
    public (double Low, double High) Interval90 =>
        IsKnown
            ? (Sd, Sd)
            : (Sd * Math.Sqrt(DegreesOfFreedom / ChiSquared.InvCDF(DegreesOfFreedom, 0.95)), Sd * Math.Sqrt(DegreesOfFreedom / ChiSquared.InvCDF(DegreesOfFreedom, 0.05)));
}
