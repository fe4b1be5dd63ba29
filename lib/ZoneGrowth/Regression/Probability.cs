using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ZoneGrowth.Regression;

/// <summary>
/// Tail probabilities and quantiles written through the regularized incomplete beta function,
/// so that small p values keep their relative precision (no 1 − CDF cancellation).
/// The incomplete beta is our own continued fraction: MathNet 5.0's BetaRegularized was measured
/// to be off by 5.6e-9 relative at (18.5, 0.5), too coarse for 1e-9 agreement with scipy.
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

        double t2 = t * t;
        return IncompleteBeta(df / 2.0, 0.5, df / (df + t2), t2 / (df + t2));
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

        double denominator = d2 + (d1 * f);
        return IncompleteBeta(d2 / 2.0, d1 / 2.0, d2 / denominator, d1 * f / denominator);
    }

    /// <summary>
    /// Regularized incomplete beta I_x(a, b) with y = 1 − x passed separately (computed without cancellation by the caller),
    /// by the modified Lentz continued fraction (Numerical Recipes §6.4), using the symmetry I_x(a,b) = 1 − I_y(b,a)
    /// when x is past the mean so that the fraction converges fast.
    /// </summary>
    public static double IncompleteBeta(double a, double b, double x, double y)
    {
        if (x <= 0)
        {
            return 0.0;
        }

        if (y <= 0)
        {
            return 1.0;
        }

        double logFront = SpecialFunctions.GammaLn(a + b) - SpecialFunctions.GammaLn(a) - SpecialFunctions.GammaLn(b) + (a * Math.Log(x)) + (b * Math.Log(y));
        double front = Math.Exp(logFront);
        if (x < (a + 1.0) / (a + b + 2.0))
        {
            return front * ContinuedFraction(a, b, x) / a;
        }

        return 1.0 - (front * ContinuedFraction(b, a, y) / b);
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1.0;
        double qam = a - 1.0;
        double c = 1.0;
        double d = 1.0 - (qab * x / qap);
        if (Math.Abs(d) < tiny)
        {
            d = tiny;
        }

        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= 100000; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1.0 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1.0 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) <= 1e-16)
            {
                break;
            }
        }

        return h;
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
