using System.Text.Json.Nodes;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>A Plotly chart found in an output.</summary>
/// <param name="Recognised"><c>false</c> when the output names plotly's mime type but holds no figure.</param>
/// <param name="Spec"><c>{data, layout, config}</c>.</param>
internal sealed record PlotlyChart(bool Recognised, JsonObject? Spec)
{
    public static PlotlyChart Unrecognised { get; } = new(false, null);
}
