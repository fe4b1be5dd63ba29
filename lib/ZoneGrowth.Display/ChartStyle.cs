using Plotly.NET;
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

    public static PointClass ClassOf(SeriesPoint point) => point.IsDerived ? PointClass.Derived : point.Status switch
    {
        ObservationStatus.Reported => PointClass.Reported,
        ObservationStatus.Estimate => PointClass.Estimate,
        ObservationStatus.Target => PointClass.Target,
        ObservationStatus.LowerBound => PointClass.LowerBound,
        _ => PointClass.Approximate,
    };

    public static StyleParam.MarkerSymbol Symbol(PointClass c) => c switch
    {
        PointClass.Reported => StyleParam.MarkerSymbol.Circle,
        PointClass.Estimate => StyleParam.MarkerSymbol.NewModified(StyleParam.MarkerSymbol.Square, StyleParam.SymbolStyle.Open),
        PointClass.Target => StyleParam.MarkerSymbol.Star,
        PointClass.LowerBound => StyleParam.MarkerSymbol.TriangleUp,
        PointClass.Approximate => StyleParam.MarkerSymbol.NewModified(StyleParam.MarkerSymbol.Circle, StyleParam.SymbolStyle.Open),
        _ => StyleParam.MarkerSymbol.NewModified(StyleParam.MarkerSymbol.Diamond, StyleParam.SymbolStyle.Open),
    };

    public static string Label(PointClass c) => c switch
    {
        PointClass.Reported => "reported",
        PointClass.Estimate => "estimate",
        PointClass.Target => "target",
        PointClass.LowerBound => "lower bound (at least)",
        PointClass.Approximate => "approximate",
        _ => "derived",
    };
}
