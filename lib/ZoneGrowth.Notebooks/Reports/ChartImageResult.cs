namespace ZoneGrowth.Notebooks.Reports;

/// <summary>What adding static chart images did.</summary>
/// <param name="Charts">Plotly chart outputs found.</param>
/// <param name="Images">Pictures added (an <c>image/png</c> beside the chart's figure).</param>
/// <param name="Note">Why some or all charts got no image (no Chromium, rendering failed), or <c>null</c>.</param>
public sealed record ChartImageResult(int Charts, int Images, string? Note)
{
    /// <summary>The pictures of several notebooks as one result: the counts added up, the first note kept.</summary>
    public static ChartImageResult Combine(IEnumerable<ChartImageResult> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = parts.ToList();
        return new ChartImageResult(all.Sum(p => p.Charts), all.Sum(p => p.Images), all.Select(p => p.Note).FirstOrDefault(n => n is not null));
    }
}
