using System.Globalization;

namespace ZoneGrowth.Display;

/// <summary>Number formatting for tables and charts: invariant culture, precision by magnitude.</summary>
internal static class Numbers
{
    /// <summary>A level or other quantity: one decimal from 100 up, two from 1, four below.</summary>
    public static string Level(double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var magnitude = Math.Abs(value);
        var format = magnitude >= 100 ? "0.0" : magnitude >= 1 ? "0.00" : "0.####";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A fraction as a percentage with one decimal: 0.172 → "17.2 %".</summary>
    public static string Percent(double fraction) =>
        double.IsNaN(fraction) ? "n/a" : (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A fraction as a signed percentage: 0.032 → "+3.2 %", −0.1 → "−10.0 %".</summary>
    public static string SignedPercent(double fraction) =>
        double.IsNaN(fraction) ? "n/a" : (100 * fraction).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A signed level difference: "+120.5", "-300.0".</summary>
    public static string SignedLevel(double value) => value > 0 ? "+" + Level(value) : Level(value);

    /// <summary>A probability with three decimals.</summary>
    public static string Probability(double p) =>
        double.IsNaN(p) ? "n/a" : p.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A probability with four decimals (Monte Carlo results and their standard errors).</summary>
    public static string Probability4(double p) =>
        double.IsNaN(p) ? "n/a" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>An integer.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An axis tick label written out in full: thousands grouped, up to four decimals, never an SI suffix
    /// ("3,000", not "3k"; "1,500", "0.05").
    /// </summary>
    public static string Tick(double value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    /// <summary>A factor such as a baseline revision: 0.9 → "0.90".</summary>
    public static string Factor(double value) => value.ToString("0.00##", CultureInfo.InvariantCulture);
}
