using MathNet.Numerics.Distributions;

namespace ZoneGrowth.Forecasting;

/// <summary>
/// The predictive distribution of a level in one year on the log scale: ln(level) follows a
/// Student t distribution with this location, scale and degrees of freedom (the classical
/// prediction interval of a regression with unknown error variance). A zero scale is a
/// degenerate distribution at the location (an exact fit).
/// </summary>
/// <param name="Year">The year predicted.</param>
/// <param name="Location">The centre of ln(level).</param>
/// <param name="Scale">The scale of ln(level): the prediction standard error.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the t distribution.</param>
public sealed record LogPredictive(int Year, double Location, double Scale, double DegreesOfFreedom)
{
    /// <summary>The median level: exp(location).</summary>
    public double Median => Math.Exp(Location);

    /// <summary>The level at probability <paramref name="p"/>: exp(location + scale × t⁻¹(p)).</summary>
    public double Quantile(double p) =>
        Scale == 0 ? Median : Math.Exp(StudentT.InvCDF(Location, Scale, DegreesOfFreedom, p));

    /// <summary>P(level ≥ <paramref name="level"/>) = 1 − T((ln level − location) ÷ scale).</summary>
    public double ProbabilityAtLeast(double level)
    {
        var log = Math.Log(level);
        if (Scale == 0)
        {
            return Location >= log ? 1 : 0;
        }

        return 1 - StudentT.CDF(Location, Scale, DegreesOfFreedom, log);
    }
}
