using System.Globalization;
using ZoneGrowth.Data;

namespace ZoneGrowth.Publishing;

/// <summary>
/// How a number reads: the workbook's one number formatter, used wherever a number is shown (tables, charts,
/// prose, published figures, the <c>run</c> summary and the <c>--compare</c> output). <see cref="Value(double, string)"/>
/// formats by a unit; <see cref="Level"/>, <see cref="Percent"/>, <see cref="Signed"/>, <see cref="Probability"/> and
/// the others give the same rules to callers that know what they hold. <c>results.json</c> keeps the raw numbers.
/// Invariant culture throughout.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>probability</c>: two decimals, <c>0.43</c>; below 0.01 <c>&lt; 0.01</c>, above 0.99 <c>&gt; 0.99</c>
/// (a simulated or closed-form probability is not known to more digits than that, and 0 or 1 would overstate it).</item>
/// <item><c>percent</c> or <c>%</c> (the value is in percentage points, as published: 5.0 is five percent): one
/// decimal, <c>5.0 %</c>.</item>
/// <item><c>percent a year</c> (points a year): <c>6.0 % a year</c>.</item>
/// <item><c>per year</c>, <c>fraction per year</c> (a growth rate as a fraction: 0.0597 is 5.97 % a year): times
/// 100, one decimal, <c>6.0 % a year</c>.</item>
/// <item>money (<c>亿元</c> and the other money units of <see cref="Units"/>): thousands separators, one decimal from
/// 100 up, two from 1, up to four below 1; then the unit, <c>2,887.8 亿元</c>.</item>
/// <item>counts (<c>count</c>, <c>家</c>...): whole numbers with thousands separators, <c>1,928</c> (the unit
/// <c>count</c> itself is not written).</item>
/// <item>any other unit: whole numbers with thousands separators, others with six significant digits; then the
/// unit as given, <c>133.1 RMB 100m</c>.</item>
/// </list>
/// An interval is written <c>[low, high]</c> in the same unit as the value (its ends formatted by the same rule,
/// without the unit words), with <c>…</c> for a missing end. A negative number that rounds to zero is written
/// without its sign.
/// </remarks>
public static class KeyFigureText
{
    private enum UnitKind { Probability, PercentPoints, PercentPointsAYear, FractionAYear, Money, Count, Other }

    /// <summary>
    /// A figure with its interval and what kind of range it is: <c>6.0 % a year [5.1, 6.9] (confidence interval)</c>,
    /// <c>0.83 [0.58, 0.96] (over the prior's central 90 %)</c>. An interval whose two ends read the same says nothing
    /// and is left out (<c>0.99</c>, not <c>0.99 [0.99, 0.99]</c>).
    /// </summary>
    public static string Of(PublishedResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var value = Value(result.Value, result.Unit);
        if ((result.Low is null && result.High is null) || (result.Low is not null && result.High is not null && End(result.Low, result.Unit) == End(result.High, result.Unit)))
        {
            return value;
        }

        var kind = result.Interval.Describe();
        if (result.Interval == IntervalKind.Credible && Kind(result.Unit) == UnitKind.Money)
        {
            // A model's estimate of a level, with its interval: three significant digits, as the answer writes it.
            string Rough(double? v) => v is { } x ? Estimate(x, "") : "…";
            return Estimate(result.Value, result.Unit) + " [" + Rough(result.Low) + ", " + Rough(result.High) + "] (" + kind + ")";
        }

        return value + " " + Interval(result.Low, result.High, result.Unit) + (kind.Length > 0 ? " (" + kind + ")" : string.Empty);
    }

    /// <summary>A value with its unit: <c>6.0 % a year</c>, <c>0.43</c>, <c>2,887.8 亿元</c>.</summary>
    public static string Value(double value, string unit)
    {
        var number = Number(value, unit);
        var suffix = UnitText(unit);
        return suffix.Length == 0 || !double.IsFinite(value) ? number : number + " " + suffix;
    }

    /// <summary>The interval in the value's unit: <c>[5.1, 6.9]</c>; empty when both ends are missing.</summary>
    public static string Interval(double? low, double? high, string unit) =>
        low is null && high is null ? "" : $"[{End(low, unit)}, {End(high, unit)}]";

    /// <summary>The number alone, formatted by the unit's rule: <c>6.0</c> for 0.0597 per year.</summary>
    public static string Number(double value, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        return Kind(unit) switch
        {
            UnitKind.Probability => value < 0.01 ? "< 0.01" : value > 0.99 ? "> 0.99" : Format(value, "0.00"),
            UnitKind.PercentPoints or UnitKind.PercentPointsAYear => Format(value, "0.0"),
            UnitKind.FractionAYear => Format(100 * value, "0.0"),
            UnitKind.Money => Level(value),
            UnitKind.Count or UnitKind.Other when value == Math.Round(value) && Math.Abs(value) < 1e15 => Format(value, "#,##0"),
            UnitKind.Count => Level(value),
            _ => Format(value, "G6"),
        };
    }

    /// <summary>The unit words written after the number: <c>%</c>, <c>% a year</c>, <c>亿元</c>; empty for a probability or a plain count.</summary>
    public static string UnitText(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Kind(unit) switch
        {
            UnitKind.Probability => "",
            UnitKind.PercentPoints => "%",
            UnitKind.PercentPointsAYear or UnitKind.FractionAYear => "% a year",
            UnitKind.Count when unit.Trim() == Units.Count.Code => "",
            _ => unit.Trim(),
        };
    }

    /// <summary>A change as a signed percentage with one decimal: <c>+2.3 %</c>, <c>−2.8 %</c> (a true minus sign), <c>0.0 %</c>.</summary>
    public static string Signed(double fraction) => SignedHundredths(fraction, " %");

    /// <summary>A change of probability in percentage points with one decimal: <c>+3.8 points</c>, <c>−1.2 points</c> (a true minus sign), <c>0.0 points</c>.</summary>
    public static string Points(double probabilityChange) => SignedHundredths(probabilityChange, " points");

    // 100 × the value with one decimal and its sign (a true minus; none on a zero), then the unit words.
    private static string SignedHundredths(double value, string unit)
    {
        var text = Format(100 * value, "0.0");
        return (text == "0.0" ? text : (value > 0 ? "+" : "−") + text.TrimStart('−')) + unit;
    }

    /// <summary>A movement in words: <c>rose 2.3 %</c>, <c>fell 2.8 %</c>, <c>did not change</c> (to one decimal).</summary>
    public static string Movement(double fraction)
    {
        var text = Format(Math.Abs(100 * fraction), "0.0");
        return text == "0.0" ? "did not change" : (fraction > 0 ? "rose " : "fell ") + text + " %";
    }

    /// <summary>
    /// A model's estimate of a level with its unit, to three significant digits (a simulated or bridged level is not
    /// known closer): <c>6,370 亿元</c>, <c>5,050 亿元</c>.
    /// </summary>
    public static string Estimate(double value, string unit)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return Value(value, unit);
        }

        var magnitude = Math.Floor(Math.Log10(Math.Abs(value)));
        var step = Math.Pow(10, magnitude - 2);
        var rounded = Math.Round(value / step) * step;
        var number = Format(rounded, step >= 1 ? "#,##0" : "#,##0." + new string('#', (int)-Math.Log10(step)));
        var suffix = UnitText(unit);
        return suffix.Length == 0 ? number : number + " " + suffix;
    }

    /// <summary>A published figure at the precision it was published in, in its catalog unit: <c>2,887.8 亿元</c>, <c>6,000 亿元</c> (from 600 billion RMB).</summary>
    public static string Published(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var decimals = Math.Max(0, observation.PublishedValue.Scale - (int)Math.Round(Math.Log10((double)(observation.PublishedUnit.FactorToBase / observation.Indicator.Unit.FactorToBase))));
        var number = Format(observation.Value, "#,##0" + (decimals > 0 ? "." + new string('0', decimals) : string.Empty));
        var suffix = UnitText(observation.Indicator.Unit.Code);
        return suffix.Length == 0 ? number : number + " " + suffix;
    }

    private static string End(double? value, string unit) => value is { } v ? Number(v, unit) : "…";

    private static UnitKind Kind(string unit)
    {
        var text = unit.Trim();
        switch (text.ToLowerInvariant())
        {
            case "probability":
                return UnitKind.Probability;
            case "percent a year" or "percent per year" or "% a year" or "% per year":
                return UnitKind.PercentPointsAYear;
            case "per year" or "a year" or "fraction per year" or "fraction a year":
                return UnitKind.FractionAYear;
        }

        return Units.TryFind(text, out var known)
            ? known.Dimension switch
            {
                UnitDimension.Money => UnitKind.Money,
                UnitDimension.Count => UnitKind.Count,
                _ => UnitKind.PercentPoints,
            }
            : UnitKind.Other;
    }

    /// <summary>A level or other quantity with thousands separators: one decimal from 100 up, two from 1, up to four below: <c>4,758.7</c>, <c>12.35</c>, <c>0.0123</c>.</summary>
    public static string Level(double value) =>
        !double.IsFinite(value) ? NotFinite(value) : Format(value, Math.Abs(value) >= 100 ? "#,##0.0" : Math.Abs(value) >= 1 ? "#,##0.00" : "0.####");

    /// <summary>A signed level difference: <c>+120.5</c>, <c>−300.0</c> (a true minus sign).</summary>
    public static string SignedLevel(double value)
    {
        var text = Level(Math.Abs(value));
        return text == Level(0) || !double.IsFinite(value) ? text : (value > 0 ? "+" : "−") + text;
    }

    /// <summary>A fraction as a percentage with one decimal: 0.172 → <c>17.2 %</c>.</summary>
    public static string Percent(double fraction) => !double.IsFinite(fraction) ? NotFinite(fraction) : Format(100 * fraction, "0.0") + " %";

    /// <summary>A probability by the one rule of <see cref="Number"/>: two decimals, <c>&lt; 0.01</c> and <c>&gt; 0.99</c> at the ends.</summary>
    public static string Probability(double p) => Number(p, "probability");

    /// <summary>Whether a unit is a probability (written by the probability rule of <see cref="Number"/>).</summary>
    public static bool IsProbability(string unit) => Kind(unit) == UnitKind.Probability;

    /// <summary>A probability after its symbol: <c>= 0.83</c>, and <c>&lt; 0.01</c> or <c>&gt; 0.99</c> at the ends (so "P = &lt; 0.01" is never written).</summary>
    public static string ProbabilityIs(double p) => Probability(p) is var text && (text.StartsWith('<') || text.StartsWith('>')) ? text : "= " + text;

    /// <summary>A probability with four decimals, for a Monte Carlo estimate beside its standard error (where the digits are the point).</summary>
    public static string PreciseProbability(double p) => !double.IsFinite(p) ? NotFinite(p) : Format(p, "0.0000");

    /// <summary>A whole number as written in a year or a count of rows: no separators, <c>2025</c>.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An axis tick label written out in full: thousands grouped, up to four decimals, never an SI suffix (<c>3,000</c>, not <c>3k</c>).</summary>
    public static string Tick(double value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    /// <summary>A factor such as a revision ratio: 0.9 → <c>0.90</c>.</summary>
    public static string Factor(double value) => !double.IsFinite(value) ? NotFinite(value) : Format(value, "0.00##");

    private static string NotFinite(double value) => double.IsNaN(value) ? "n/a" : value > 0 ? "inf" : "-inf";

    private static string Format(double value, string format)
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        // -0.0001 as "0.0" is "-0.0": a sign on a zero says nothing. A negative number takes the true minus sign (U+2212).
        return !text.StartsWith('-') ? text : text.AsSpan(1).IndexOfAnyExcept("0.,") < 0 ? text[1..] : "−" + text[1..];
    }
}
