using ZoneGrowth.Publishing;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>One difference between two results files.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Key">The figure (<c>notebook_key/name</c>) or the data file path.</param>
/// <param name="Previous">The previous value (figures), or <c>null</c>.</param>
/// <param name="Current">The current value (figures), or <c>null</c>.</param>
/// <param name="Description">One line for people.</param>
public sealed record ResultChange(ResultChangeKind Kind, string Key, double? Previous, double? Current, string Description)
{
    /// <summary>The figure as the earlier run published it (figures only), or <c>null</c>.</summary>
    public PublishedResult? Before { get; init; }

    /// <summary>The figure as this run published it (figures only), or <c>null</c>.</summary>
    public PublishedResult? After { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Description;
}
