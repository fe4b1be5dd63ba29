using Plotly.NET;
using ZoneGrowth.Publishing;
using ZoneGrowth.Data;

namespace ZoneGrowth.Display;

/// <summary>Colours, marker symbols and labels shared by the charts.</summary>
internal static class ChartStyle
{
    /// <summary>The colour of targets (markers and lines).</summary>
    public const string TargetColour = "#d62728";

    /// <summary>Series colours (no red, kept for targets).</summary>
    public static readonly string[] Palette = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#e377c2", "#7f7f7f", "#bcbd22"];

    public static string Colour(int index) => Palette[index % Palette.Length];

    /// <summary>
    /// The d3 tick format of every linear value axis: thousands grouped, decimals only where a tick has them, never
    /// an SI suffix (plotly's default writes 3000 亿元 as "3k", which reads as 3 thousand of the unit).
    /// </summary>
    public const string LinearTickFormat = ",~f";

    /// <summary>
    /// Ticks for a log axis over data from <paramref name="min"/> to <paramref name="max"/>, each labelled in full
    /// (plotly's own log ticks label only the powers of ten in full and the rest by their first digit, "7 8 9 1000
    /// 2 3"). The steps follow the span: over a decade or more 1-2-5 (or 1-2-3-5 up to two decades, powers of ten
    /// only beyond four), within a decade 1, 1.5, 2, 3, 4, 5, 6, 8, and under half a decade even linear steps. The
    /// ticks run from the last one at or below <paramref name="min"/> to the first at or above <paramref name="max"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not positive and finite, or max is below min.</exception>
    public static (double[] Values, string[] Labels) LogTicks(double min, double max)
    {
        if (!(min > 0) || !double.IsFinite(max) || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"A log axis needs 0 < min <= max < infinity; got min {min}, max {max}.");
        }

        var decades = Math.Log10(max / min);
        var candidates = new List<double>();
        if (decades < 0.5)
        {
            var step = NiceStep((max - min) / 5);
            if (step == 0)
            {
                step = NiceStep(min / 4);
            }

            for (var k = Math.Floor(min / step); k * step <= max + step; k++)
            {
                candidates.Add(Math.Round(k * step, 12));
            }
        }
        else
        {
            double[] mantissas = decades <= 1 ? [1, 1.5, 2, 3, 4, 5, 6, 8] : decades <= 2 ? [1, 2, 3, 5] : decades <= 4 ? [1, 2, 5] : [1];
            for (var e = (int)Math.Floor(Math.Log10(min)); e <= (int)Math.Ceiling(Math.Log10(max)); e++)
            {
                candidates.AddRange(mantissas.Select(m => e >= 0 ? m * Math.Pow(10, e) : m / Math.Pow(10, -e)));
            }
        }

        var positive = candidates.Where(v => v > 0).Distinct().Order().ToArray();
        var low = positive.LastOrDefault(v => v <= min, positive[0]);
        var high = positive.FirstOrDefault(v => v >= max, positive[^1]);
        var values = positive.Where(v => v >= low && v <= high).ToArray();
        return (values, values.Select(KeyFigureText.Tick).ToArray());
    }

    /// <summary>The step among 1, 2, 2.5, 5 times a power of ten that is the smallest at or above <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        if (!(rough > 0))
        {
            return 0;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough * (1 - 1e-12));
    }

    public static PointClass ClassOf(SeriesPoint point) => point.IsDerived ? PointClass.Derived : point.Status switch
    {
        ObservationStatus.Reported => PointClass.Reported,
        ObservationStatus.Estimate => PointClass.Estimate,
        ObservationStatus.Target => PointClass.Target,
        ObservationStatus.LowerBound => PointClass.LowerBound,
        ObservationStatus.UpperBound => PointClass.UpperBound,
        _ => PointClass.Approximate,
    };

    public static StyleParam.MarkerSymbol Symbol(PointClass c) => c switch
    {
        PointClass.Reported => StyleParam.MarkerSymbol.Circle,
        PointClass.Estimate => StyleParam.MarkerSymbol.NewModified(StyleParam.MarkerSymbol.Square, StyleParam.SymbolStyle.Open),
        PointClass.Target => StyleParam.MarkerSymbol.Star,
        PointClass.LowerBound => StyleParam.MarkerSymbol.TriangleUp,
        PointClass.UpperBound => StyleParam.MarkerSymbol.TriangleDown,
        PointClass.Approximate => StyleParam.MarkerSymbol.NewModified(StyleParam.MarkerSymbol.Circle, StyleParam.SymbolStyle.Open),
        _ => StyleParam.MarkerSymbol.NewModified(StyleParam.MarkerSymbol.Diamond, StyleParam.SymbolStyle.Open),
    };

    public static string Label(PointClass c) => c switch
    {
        PointClass.Reported => "reported",
        PointClass.Estimate => "estimate",
        PointClass.Target => "target",
        PointClass.LowerBound => "lower bound (at least)",
        PointClass.UpperBound => "upper bound (at most)",
        PointClass.Approximate => "approximate",
        _ => "derived",
    };
}
