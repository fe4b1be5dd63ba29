using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ZoneGrowth.Regression;

/// <summary>
/// Tail probabilities and quantiles written through the regularized incomplete beta function,
/// so that small p values keep their relative precision (no 1 − CDF cancellation).
/// </summary>
internal static class Probability
{
    /// <summary>P(|T| ≥ |t|) for Student t with <paramref name="df"/> degrees of freedom: I_{df/(df+t²)}(df/2, 1/2).</summary>
    public static double StudentTTwoSided(double t, double df)
    {
        if (double.IsInfinity(t))
        {
            return 0.0;
        }

        return SpecialFunctions.BetaRegularized(df / 2.0, 0.5, df / (df + (t * t)));
    }

    /// <summary>P(|Z| ≥ |z|) for the standard normal: erfc(|z|/√2).</summary>
    public static double NormalTwoSided(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2.0));

    /// <summary>P(F ≥ f) for Fisher's F(d1, d2): I_{d2/(d2+d1·f)}(d2/2, d1/2).</summary>
    public static double FisherUpperTail(double f, double d1, double d2)
    {
        if (f <= 0)
        {
            return 1.0;
        }

        if (double.IsPositiveInfinity(f))
        {
            return 0.0;
        }

        return SpecialFunctions.BetaRegularized(d2 / 2.0, d1 / 2.0, d2 / (d2 + (d1 * f)));
    }

    /// <summary>P(χ²₂ ≥ x) = exp(−x/2) (two degrees of freedom, as the Jarque-Bera test uses).</summary>
    public static double ChiSquaredTwoDfUpperTail(double x) => x <= 0 ? 1.0 : Math.Exp(-x / 2.0);

    /// <summary>The upper (1 − level)/2 critical value: t_{df, (1+level)/2} or z_{(1+level)/2}.</summary>
    public static double CriticalValue(double level, InferenceDistribution distribution, double df)
    {
        double p = (1.0 + level) / 2.0;
        if (distribution == InferenceDistribution.Normal)
        {
            return Normal.InvCDF(0.0, 1.0, p);
        }

        return StudentTQuantile(p, df);
    }

    /// <summary>
    /// Student t quantile for p &gt; 0.5. MathNet's root-finder gives a start that three Newton steps on the
    /// accurate incomplete-beta CDF polish to full double precision.
    /// </summary>
    public static double StudentTQuantile(double p, double df)
    {
        double x = StudentT.InvCDF(0.0, 1.0, df, p);
        double upperTail = 1.0 - p;
        for (int i = 0; i < 4; i++)
        {
            double tail = 0.5 * StudentTTwoSided(x, df); // P(T ≥ x) for x > 0
            double density = StudentT.PDF(0.0, 1.0, df, x);
            if (density <= 0)
            {
                break;
            }

            double step = (tail - upperTail) / density;
            x += step;
            if (Math.Abs(step) <= 1e-15 * Math.Abs(x))
            {
                break;
            }
        }

        return x;
    }
}
