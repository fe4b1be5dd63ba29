using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ZoneGrowth.Random;

/// <summary>
/// Standard normal and gamma variates for the Monte Carlo.
/// <list type="bullet">
/// <item>Normal: the ziggurat method of Marsaglia and Tsang (2000) in Doornik's formulation
/// (2005), 128 layers: one 64-bit draw supplies both the layer (low 7 bits) and the uniform
/// (top 53 bits); about 98.8 % of draws return from the rectangle test without a logarithm or
/// exponential.</item>
/// <item>Gamma(a, 1): Marsaglia and Tsang (2000), with the a &lt; 1 boost Gamma(a + 1) · U^(1/a).</item>
/// </list>
/// </summary>
public static class Ziggurat
{
    private const int Layers = 128;
    private const double TailStart = 3.442619855899;
    private const double LayerArea = 9.91256303526217e-3;

    private static readonly double[] X = BuildX();
    private static readonly double[] Ratio = BuildRatio(X);

    /// <summary>A standard normal variate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NextNormal(ref Xoshiro256StarStar rng)
    {
        var bits = rng.NextUInt64();
        var u = SignedUniform(bits);
        var i = (int)(bits & (Layers - 1));
        if (Math.Abs(u) < Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Ratio), i))
        {
            return u * Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(X), i);
        }

        return NextNormalSlow(ref rng, u, i);
    }

    /// <summary>The ziggurat's rectangle test for 64 random bits: true, with the variate, in about 97 % of cases.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryFast(ulong bits, out double value)
    {
        var u = SignedUniform(bits);
        var i = (int)(bits & (Layers - 1));
        value = u * Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(X), i);
        return Math.Abs(u) < Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Ratio), i);
    }

    /// <summary>The rest of the ziggurat for bits that failed the rectangle test.</summary>
    internal static double Slow(ref Xoshiro256StarStar rng, ulong bits) =>
        NextNormalSlow(ref rng, SignedUniform(bits), (int)(bits & (Layers - 1)));

    /// <summary>
    /// A uniform value in [−1, 1) from the top 53 bits of <paramref name="bits"/> (read as a signed
    /// number, which converts to double in one instruction); the low 7 bits, which pick the
    /// layer, are not used.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SignedUniform(ulong bits) => ((long)bits >> 11) * (1.0 / (1L << 52));

    /// <summary>A Gamma(<paramref name="shape"/>, 1) variate; shape must be positive.</summary>
    public static double NextGamma(ref Xoshiro256StarStar rng, double shape)
    {
        if (shape < 1)
        {
            return NextGamma(ref rng, shape + 1) * Math.Pow(rng.NextOpenDouble(), 1.0 / shape);
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal(ref rng);
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = rng.NextOpenDouble();
            var x2 = x * x;
            if (u < 1.0 - (0.0331 * x2 * x2) || Math.Log(u) < (0.5 * x2) + (d * (1.0 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double NextNormalSlow(ref Xoshiro256StarStar rng, double u, int i)
    {
        while (true)
        {
            if (i == 0)
            {
                // The base layer's overhang is the tail beyond TailStart (Marsaglia's tail method).
                double x, y;
                do
                {
                    x = Math.Log(rng.NextOpenDouble()) / TailStart;
                    y = Math.Log(rng.NextOpenDouble());
                }
                while (-2 * y < x * x);

                return u < 0 ? x - TailStart : TailStart - x;
            }

            var candidate = u * X[i];
            var f0 = Math.Exp(-0.5 * ((X[i] * X[i]) - (candidate * candidate)));
            var f1 = Math.Exp(-0.5 * ((X[i + 1] * X[i + 1]) - (candidate * candidate)));
            if (f1 + (rng.NextDouble() * (f0 - f1)) < 1.0)
            {
                return candidate;
            }

            var bits = rng.NextUInt64();
            u = SignedUniform(bits);
            i = (int)(bits & (Layers - 1));
            if (Math.Abs(u) < Ratio[i])
            {
                return u * X[i];
            }
        }
    }

    /// <summary>Layer edges: X[0] = V / f(R) (base layer's equivalent width), X[1] = R, ..., X[128] = 0.</summary>
    private static double[] BuildX()
    {
        var x = new double[Layers + 1];
        var f = Math.Exp(-0.5 * TailStart * TailStart);
        x[0] = LayerArea / f;
        x[1] = TailStart;
        x[Layers] = 0;
        for (var i = 2; i < Layers; i++)
        {
            x[i] = Math.Sqrt(-2 * Math.Log((LayerArea / x[i - 1]) + f));
            f = Math.Exp(-0.5 * x[i] * x[i]);
        }

        return x;
    }

    private static double[] BuildRatio(double[] x)
    {
        var ratio = new double[Layers];
        for (var i = 0; i < Layers; i++)
        {
            ratio[i] = x[i + 1] / x[i];
        }

        return ratio;
    }
}
